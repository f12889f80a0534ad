import autocannon from 'autocannon';
import { WEBHOOK_PATH } from './constants';
import type { DeliveryPool } from './deliveries';

export interface LoadResult {
  acksPerSec: number;
  /** Latency of the 2xx answers in ms, from the raw timings (autocannon's histogram rounds to whole ms). */
  p50: number;
  p99: number;
  acks: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Requests sent but unanswered when the run stopped (the server may still have stored them). */
  inFlightAtStop: number;
  statusCodes: Record<string, number>;
  /** The first non-2xx answer, to show what went wrong. */
  firstFailure?: string;
}

/**
 * `connections` keep-alive connections POSTing signed deliveries from `pool` for `duration` seconds,
 * one delivery per request. `onAck(seq)` is called for every 2xx answer.
 */
export function runLoad(options: {
  port: number;
  connections: number;
  duration: number;
  pool: DeliveryPool;
  onAck?: (seq: number) => void;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let firstFailure: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${options.port}${WEBHOOK_PATH}`,
        method: 'POST',
        connections: options.connections,
        duration: options.duration,
        timeout: 10,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request, context) => {
              const delivery = options.pool.next();
              (context as { seq: number }).seq = delivery.seq;
              request.headers = { ...request.headers, 'x-hub-signature-256': delivery.signature };
              request.body = delivery.body;
              return request;
            },
            onResponse: (status, body, context) => {
              if (status >= 200 && status < 300) options.onAck?.((context as { seq: number }).seq);
              else firstFailure ??= `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const at = (q: number) =>
          latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
        resolve({
          acksPerSec: result['2xx'] / result.duration,
          p50: at(0.5),
          p99: at(0.99),
          acks: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          inFlightAtStop: result.requests.sent - result.requests.total,
          statusCodes: Object.fromEntries(
            Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
          ),
          firstFailure,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
