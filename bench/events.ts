/**
 * bench/events — live events end to end on PostgreSQL: signed webhook acknowledged → the
 * `message.received` event on every SSE subscriber.
 *
 * Every party has its own process, as in production: two instances of the real app (each with its
 * inbox processor, its event hub and its LISTEN connection) on one database; the 50 SSE
 * subscribers, split between the instances, in another; the load generator (signed Meta webhooks
 * at --rate messages/s, alternately to each instance, `node:http` keep-alive) in this one. Every
 * process stamps times with the clock they share (`performance.timeOrigin + performance.now()`).
 * Prints p50/p99 from each webhook's 200 to its event on each subscriber, the events missed
 * (goal: none) and each server's RSS at the start and the end of the load (goal: flat).
 *
 * Baseline, in the same run, same load and subscribers: a bare server that checks the signature,
 * answers 200 and writes the frame to its streams (no database): what the machine itself costs.
 *
 *   npm run bench:events -- [--rate 200] [--seconds 10] [--warmup 2] [--subscribers 50] [--cpu-prof dir]
 *   (--cpu-prof: each app instance writes a V8 CPU profile into dir when it stops)
 *   BENCH_LANES, BENCH_GATHER_MS: the instances' inbox processor options (default: the app's)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { publishResult } from './support/benchResult';
import { createBenchDatabase } from './support/benchDatabase';
import { startServer, type ServerChild } from './support/children';
import { WEBHOOK_PATH } from './support/constants';
import { postDeliveries, type Acks } from './support/eventLoad';
import { cpuBetween, cpuPoint, inboxWait, rssOf, type CpuPoint } from './support/serverProbes';
import { SubscribersClient } from './support/subscribersClient';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    subscribers: { type: 'string', default: '50' },
    'cpu-prof': { type: 'string' },
  },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const SUBSCRIBERS = Number(values.subscribers);
const GOAL_P99_MS = 100;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface Outcome {
  /** Where the time went (app only): the event's occurredAt is when its transaction began. */
  stages?: string;
  /** CPU seconds of each process over the measured load. */
  cpu: string;
  p50: number;
  p99: number;
  max: number;
  missed: number;
  acked: number;
  sent: number;
  rss: Array<{ name: string; start: number; end: number }>;
}

/** One load run against `servers`: subscribers spread over them, deliveries posted alternately. */
async function measure(
  servers: ServerChild[],
  subscribers: SubscribersClient,
  key: string,
): Promise<Outcome> {
  const base = (s: ServerChild) => `http://127.0.0.1:${s.port}`;
  await subscribers.open(
    Array.from({ length: SUBSCRIBERS }, (_, i) => `${base(servers[i % servers.length])}/api/v1/events`),
    key,
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const warmup = RATE * WARMUP;
  const total = warmup + RATE * SECONDS;
  let rssStart: number[] = [];
  const processes = {
    ...Object.fromEntries(servers.map((s, i) => [`instance ${i + 1}`, s.pid])),
    subscribers: subscribers.child.pid,
    'load generator': process.pid,
  };
  let cpuStart: CpuPoint | undefined;
  const acks: Acks = await postDeliveries({
    urls: servers.map((s) => `${base(s)}${WEBHOOK_PATH}`),
    rate: RATE,
    total,
    onSent: (n) => {
      if (n !== warmup) return;
      rssStart = servers.map((s) => rssOf(s.pid));
      cpuStart = cpuPoint(processes);
    },
  });
  const arrivals = await subscribers.collect(acks.size, 30_000);
  const cpu = cpuBetween(cpuStart ?? cpuPoint(processes), cpuPoint(processes));
  const rssEnd = servers.map((s) => rssOf(s.pid));
  await subscribers.close();
  const latencies: number[] = [];
  const toBegin: number[] = [];
  const beginToEvent: number[] = [];
  let missed = 0;
  let acked = 0;
  for (const [n, at] of acks) {
    if (n < warmup) continue;
    acked++;
    for (const received of arrivals) {
      const arrived = received.get(n);
      if (arrived === undefined) missed++;
      else latencies.push(Math.max(0, arrived.at - at));
      if (arrived && received === arrivals[0] && Number.isFinite(arrived.occurredAt)) {
        toBegin.push(arrived.occurredAt - at);
        beginToEvent.push(arrived.at - arrived.occurredAt);
      }
    }
  }
  for (const list of [latencies, toBegin, beginToEvent]) list.sort((a, b) => a - b);
  return {
    stages: toBegin.length
      ? `ack → processing began p50 ${ms(percentile(toBegin, 0.5))} p99 ${ms(percentile(toBegin, 0.99))}; ` +
        `began → event p50 ${ms(percentile(beginToEvent, 0.5))} p99 ${ms(percentile(beginToEvent, 0.99))}`
      : undefined,
    cpu,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    missed,
    acked,
    sent: total - warmup,
    rss: servers.map((_s, i) => ({ name: `instance ${i + 1}`, start: rssStart[i], end: rssEnd[i] })),
  };
}

function print(label: string, o: Outcome): void {
  console.log(
    `${label.padEnd(34)} acked ${o.acked}/${o.sent}  p50 ${ms(o.p50)}  p99 ${ms(o.p99)}  max ${ms(o.max)}  ` +
      `missed ${o.missed}  RSS ${o.rss.map((r) => `${mib(r.start)} → ${mib(r.end)}`).join(', ')}`,
  );
  if (o.stages) console.log(`  first subscriber: ${o.stages}`);
  console.log(`  CPU over the load: ${o.cpu}`);
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const children: ServerChild[] = [];
  try {
    const subscribers = new SubscribersClient(await startServer('sseSubscribers.ts', {}));
    children.push(subscribers.child);
    console.log(
      `${RATE} messages/s for ${SECONDS} s (after ${WARMUP} s of warm-up), ${SUBSCRIBERS} subscribers; ` +
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}, ${os.cpus().length} CPUs`,
    );

    const bare = await startServer('bareEventsServer.ts', {});
    children.push(bare);
    const baseline = await measure([bare], subscribers, 'none');
    await bare.stop();
    print('baseline (bare server, no db)', baseline);

    const env = {
      BENCH_APP_DATABASE_URL: bench.url,
      BENCH_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const cpuProfDir = values['cpu-prof'];
    const first = await startServer('eventsServer.ts', {
      env: { ...env, BENCH_CREATE_USER: '1' },
      cpuProfDir,
    });
    children.push(first);
    const second = await startServer('eventsServer.ts', { env, cpuProfDir });
    children.push(second);
    const app = await measure([first, second], subscribers, first.apiKey ?? '');
    print('app (2 instances, PostgreSQL)', app);
    const wait = await inboxWait(bench.url);
    console.log(`  inbox wait (stored → processing started): p50 ${ms(wait.p50)}, p99 ${ms(wait.p99)}`);
    const pass = app.p99 < GOAL_P99_MS && app.missed === 0;
    console.log(
      `app p99 ${ms(app.p99)}  goal < ${GOAL_P99_MS} ms, none missed: ${pass ? 'PASS' : 'MISS'}  ` +
        `(baseline p99 ${ms(baseline.p99)}); load average after ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    publishResult({
      bench: 'events',
      metric: `webhook 200 → SSE event p99, ${RATE}/s, ${SUBSCRIBERS} subscribers on 2 instances (p50 ${ms(app.p50)}, missed ${app.missed})`,
      unit: 'ms',
      value: app.p99,
      baseline: { label: 'bare server: HMAC + JSON + SSE write, no database', value: baseline.p99 },
      ratio: app.p99 / baseline.p99,
      goal: `p99 < ${GOAL_P99_MS} ms, none missed`,
      pass,
    });
  } finally {
    for (const child of children.reverse()) await child.stop().catch(() => child.kill());
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
