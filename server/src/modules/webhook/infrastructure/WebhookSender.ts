import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveTarget, TargetRefused } from './TargetGuard';

const TIMEOUT_MS = 10_000;

export type SendOutcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

/**
 * One POST of a signed body to a subscriber, to the address the guard checked; 2xx is success,
 * anything else (another status, a redirect, a timeout, a refused target) a failure to retry.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<SendOutcome> {
  const target = new URL(url);
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveTarget(target, allowPrivate);
  } catch (error) {
    if (error instanceof TargetRefused) return { ok: false, error: `target refused: ${error.message}` };
    throw error;
  }
  const lookup: LookupFunction = (_host, options, callback) =>
    options.all
      ? (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
          pinned,
        ])
      : callback(null, pinned.address, pinned.family);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup,
        timeout: TIMEOUT_MS,
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'wa-ops-webhooks' },
      },
      (res) => {
        res.resume(); // the answer's body is not used
        const status = res.statusCode ?? 0;
        res.on('end', () =>
          resolve(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: `HTTP ${status}` },
          ),
        );
        res.on('error', (error) => resolve({ ok: false, status, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => resolve({ ok: false, error: error.message.slice(0, 300) }));
    request.end(body);
  });
}
