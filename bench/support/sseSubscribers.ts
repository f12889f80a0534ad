/**
 * Child process for `bench/events`: the SSE subscribers, in a process of their own so that parsing
 * their frames is not on the servers' event loops nor on the load generator's. Each subscriber
 * records when the `message.received` event of each bench message (`bench-<n> …`) arrived, on the
 * clock all the bench's processes share (`performance.timeOrigin + performance.now()`).
 *
 * IPC: `{ type: 'open', urls, key }` → `{ type: 'opened' }` once every stream has started;
 * `{ type: 'collect', expected, timeoutMs }` → `{ type: 'arrivals', arrivals }` once every
 * subscriber has `expected` events or the time is up (`arrivals[s]`: n, at, occurredAt, n, …);
 * `{ type: 'close' }` closes the streams.
 */
import http from 'node:http';

export type SubscribersCommand =
  | { type: 'open'; urls: string[]; key: string }
  | { type: 'collect'; expected: number; timeoutMs: number }
  | { type: 'close' };
export type SubscribersReply = { type: 'opened' } | { type: 'arrivals'; arrivals: number[][] };

/** What a subscriber saw of one bench message: when its event arrived and when it occurred. */
export interface Arrival {
  at: number;
  occurredAt: number;
}

const now = () => performance.timeOrigin + performance.now();
const BENCH_MESSAGE = /bench-(\d+) /;
const OCCURRED_AT = /"occurredAt":"([^"]+)"/;

interface Subscriber {
  arrivals: Map<number, number>;
  /** The event's `occurredAt`: when the transaction that recorded the message began. */
  occurred: Map<number, number>;
  request: http.ClientRequest;
}

let subscribers: Subscriber[] = [];

function subscribe(url: string, key: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const arrivals = new Map<number, number>();
    const occurred = new Map<number, number>();
    let buffer = '';
    const request = http.get(url, { headers: { authorization: `Bearer ${key}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      res.once('data', () => resolve({ arrivals, occurred, request }));
      res.on('data', (chunk: string) => {
        const at = now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.includes('event: message.received')) continue;
          const match = BENCH_MESSAGE.exec(frame);
          if (!match || arrivals.has(Number(match[1]))) continue;
          arrivals.set(Number(match[1]), at);
          const begun = OCCURRED_AT.exec(frame);
          if (begun) occurred.set(Number(match[1]), Date.parse(begun[1]));
        }
      });
    });
    request.on('error', reject);
  });
}

async function collect(expected: number, timeoutMs: number): Promise<number[][]> {
  const deadline = now() + timeoutMs;
  while (subscribers.some((s) => s.arrivals.size < expected) && now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return subscribers.map((s) => [...s.arrivals].flatMap(([n, at]) => [n, at, s.occurred.get(n) ?? NaN]));
}

const reply = (message: SubscribersReply) => process.send?.(message);

process.on('message', (command: SubscribersCommand | 'stop') => {
  if (command === 'stop') process.exit(0);
  void (async () => {
    if (command.type === 'open') {
      subscribers = await Promise.all(command.urls.map((url) => subscribe(url, command.key)));
      reply({ type: 'opened' });
    } else if (command.type === 'collect') {
      reply({ type: 'arrivals', arrivals: await collect(command.expected, command.timeoutMs) });
    } else {
      subscribers.forEach((s) => s.request.destroy());
      subscribers = [];
    }
  })().catch((error: unknown) => {
    console.error('subscribers failed:', error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', port: 0 });
