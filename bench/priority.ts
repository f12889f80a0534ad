/**
 * bench/priority — does a customer's reply wait for a broadcast? A broadcast to N opted-in
 * customers (10,000 by default) is queued, the real server (own process) drains it against a fake
 * Graph API at the tenant's rate limit; once the sliding window has been full for a while, new
 * customers write in (signed webhooks) one every few seconds and the app queues a reply to each.
 * Printed: each reply's queue latency (its row created → the fake receives it) and end-to-end
 * time (webhook posted → reply received), the broadcast's sends per second over the same time
 * against the rate limit, and what a first-in-first-out queue would have made the reply wait
 * (the broadcast messages ahead of it / the rate).
 *
 *   npm run bench:priority -- [--recipients 10000] [--rate 600] [--warmup 70] [--replies 20] [--every 3]
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { FakeProviderServer } from '../server/test/support/FakeProviderServer';
import { META_APP, metaAppEnv, metaTextDelivery } from '../server/test/support/process/metaApp';
import { MetaSender } from '../server/test/support/process/MetaSender';
import { serverProcess } from '../server/test/support/process/serverProcess';
import { waitFor } from '../server/test/support/process/waitFor';
import { createBenchDatabase } from './support/benchDatabase';
import { publishResult } from './support/benchResult';
import { fmt } from './support/report';
import { seedBroadcast } from './support/seedBroadcast';

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '600' },
    warmup: { type: 'string', default: '70' },
    replies: { type: 'string', default: '20' },
    every: { type: 'string', default: '3' },
  },
});
const RECIPIENTS = Number(values.recipients);
const RATE = Number(values.rate);
const WARMUP_MS = Number(values.warmup) * 1000;
const REPLIES = Number(values.replies);
const EVERY_MS = Number(values.every) * 1000;
const API_VERSION = 'v25.0';

const newCustomer = (i: number) => `5491170${String(i).padStart(6, '0')}`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** When each reply row was queued (the database's clock, the same machine's). */
async function replyQueuedAt(url: string, phones: string[]): Promise<Map<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ phone: string; at: Date }>(
      `SELECT customer_phone AS phone, created_at AS at FROM whatsapp_messages
        WHERE direction = 'OUTBOUND' AND content->>'purpose' = 'reply' AND customer_phone = ANY($1)`,
      [phones],
    );
    return new Map(rows.map((r) => [r.phone, new Date(r.at).getTime()]));
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const fake = await FakeProviderServer.start();
  fake.tokens.add(META_APP.accessToken);
  try {
    const server = await serverProcess({
      name: 'priority',
      env: {
        ...metaAppEnv(db.url, fake.url),
        WHATSAPP_API_VERSION: API_VERSION,
        WHATSAPP_RATE_LIMIT_PER_MINUTE: String(RATE),
      },
    });
    await server.start();
    await server.stop();
    await seedBroadcast(db.url, RECIPIENTS);
    await server.start();
    const started = Date.now();
    await waitFor('the broadcast to drain at the rate limit', () => Date.now() - started >= WARMUP_MS, {
      timeoutMs: WARMUP_MS + 10_000,
      intervalMs: 250,
    });

    const sender = new MetaSender({ targets: [server.baseUrl], ratePerSecond: 100, concurrency: 4 });
    const measuredFrom = Date.now();
    const broadcastBefore = fake.outbound.sent.length;
    const posted = new Map<string, number>();
    for (let i = 0; i < REPLIES; i++) {
      const from = newCustomer(i);
      posted.set(`+${from}`, Date.now());
      void sender.send([
        metaTextDelivery({ from, text: `Hi, we are ${2 + (i % 3)} people, trip in March?` }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
    const phones = [...posted.keys()];
    const replySent = () =>
      new Map(
        fake.outbound.sent
          .filter((s) => phones.includes(String(s.body.to)))
          .map((s) => [String(s.body.to), s.at]),
      );
    await waitFor('every reply sent', async () => replySent().size === phones.length, {
      timeoutMs: 120_000,
      intervalMs: 50,
      describe: async () => `${replySent().size} of ${phones.length}`,
    });
    const measuredMs = Date.now() - measuredFrom;
    const broadcastSends = fake.outbound.sent.length - broadcastBefore - phones.length;
    await server.stop();
    sender.stop();

    const queuedAt = await replyQueuedAt(db.url, phones);
    const sent = replySent();
    const queueMs = phones.map((p) => (sent.get(p) ?? NaN) - (queuedAt.get(p) ?? NaN)).sort((a, b) => a - b);
    const endToEndMs = phones.map((p) => (sent.get(p) ?? NaN) - (posted.get(p) ?? NaN)).sort((a, b) => a - b);
    const broadcastRate = broadcastSends / (measuredMs / 1000);
    const limitRate = RATE / 60;
    const backlog = RECIPIENTS - broadcastBefore;
    console.log(
      `priority: broadcast to ${fmt(RECIPIENTS)} queued, rate limit ${fmt(RATE)}/min (${fmt(limitRate, 1)}/s), ` +
        `${fmt(REPLIES)} replies one every ${values.every} s after ${values.warmup} s of draining`,
    );
    console.log(
      `reply queue latency (queued → provider): p50 ${fmt(percentile(queueMs, 0.5))} ms, p95 ${fmt(percentile(queueMs, 0.95))} ms, max ${fmt(queueMs[queueMs.length - 1])} ms`,
    );
    console.log(
      `reply end to end (webhook posted → provider): p50 ${fmt(percentile(endToEndMs, 0.5))} ms, max ${fmt(endToEndMs[endToEndMs.length - 1])} ms`,
    );
    console.log(
      `broadcast meanwhile: ${fmt(broadcastRate, 2)} sends/s = ${fmt(broadcastRate / limitRate, 2)} of the limit ` +
        `(${fmt(broadcastSends)} in ${fmt(measuredMs / 1000, 1)} s, plus ${fmt(phones.length)} replies)`,
    );
    console.log(
      `first in, first out the first reply would have waited for ${fmt(backlog)} broadcast messages: ` +
        `${fmt(backlog / limitRate / 60, 1)} minutes`,
    );
    publishResult({
      bench: 'priority',
      metric: `reply queue latency p95 while a ${fmt(RECIPIENTS)}-recipient broadcast drains at ${fmt(RATE)}/min`,
      unit: 'ms',
      value: percentile(queueMs, 0.95),
      baseline: {
        label: 'first in, first out: the broadcast ahead of the reply at the rate limit',
        value: (backlog / limitRate) * 1000,
      },
      ratio: percentile(queueMs, 0.95) / ((backlog / limitRate) * 1000),
      goal: 'a reply waits at most about one claim round; the broadcast keeps the rate limit',
      note: `broadcast at ${fmt(broadcastRate / limitRate, 2)} of the limit`,
    });
  } finally {
    await fake.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error('priority bench failed:', error);
  process.exitCode = 1;
});
