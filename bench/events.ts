/**
 * bench/events — live events end to end, and the inbox queries at volume, on PostgreSQL.
 *
 * Part 1: two instances of the real app on one database (each with its own event hub and LISTEN
 * connection, in this process), 50 SSE subscribers spread over them. Signed webhooks arrive at
 * --rate messages/s for --seconds; for every (subscriber, message) the time from the webhook's 200
 * to the `message.received` event on that subscriber. Prints p50/p99, how many were missed (goal:
 * none) and this process's RSS before and after.
 * Part 2: --conversations customers with a message each; p99 of `GET /conversations?q=` (text,
 * name and phone) and `?unread=true` through HTTP, and the plans.
 *
 *   npm run bench:events -- [--rate 200] [--seconds 10] [--subscribers 50] [--conversations 100000]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import type { CreateUser } from '../server/src/modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../server/src/modules/identity/application/EnsureDefaultTenant';
import type { EventHub } from '../server/src/modules/events/infrastructure/EventHub';
import { TYPES } from '../server/src/types';
import { signMetaBody } from '../server/src/whatsapp/inbound/metaSignature';
import { createBenchDatabase } from './support/benchDatabase';
import { APP_SECRET, PHONE_NUMBER_ID } from './support/constants';
import { startPipelineApp, type PipelineApp } from './support/pipelineApp';
import { seedConversations } from './support/seed';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    subscribers: { type: 'string', default: '50' },
    conversations: { type: 'string', default: '100000' },
  },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const SUBSCRIBERS = Number(values.subscribers);
const CONVERSATIONS = Number(values.conversations);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function delivery(n: number): string {
  const text = `bench-${n} hello, 2 people for March?`;
  const digits = `5491170${String(n % 5000).padStart(6, '0')}`;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102938475610293',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100199', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Customer ${n}` }, wa_id: digits }],
              messages: [
                {
                  from: digits,
                  id: `wamid.${crypto.randomBytes(16).toString('base64url')}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(body, APP_SECRET) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One SSE subscriber: the arrival time of each bench message's event, by its number. */
function subscribe(baseUrl: string, key: string): { arrivals: Map<number, number>; close(): void } {
  const arrivals = new Map<number, number>();
  let buffer = '';
  const req = http.get(`${baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${key}` } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const now = performance.now();
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const match = /"text":"bench-(\d+) /.exec(frame);
        if (match && frame.includes('event: message.received')) arrivals.set(Number(match[1]), now);
      }
    });
  });
  req.on('error', () => undefined);
  return { arrivals, close: () => req.destroy() };
}

async function liveEvents(apps: PipelineApp[], key: string) {
  const bases = apps.map((a) => a.webhookUrl.replace(/\/api\/whatsapp\/webhook$/, ''));
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => subscribe(bases[i % bases.length], key));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssBefore = process.memoryUsage().rss;
  const acks = new Map<number, number>();
  const total = RATE * SECONDS;
  const started = performance.now();
  const posts: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const url = apps[n % apps.length].webhookUrl;
    posts.push(
      post(url, delivery(n)).then((status) => {
        if (status === 200) acks.set(n, performance.now());
      }),
    );
  }
  await Promise.all(posts);
  const deadline = performance.now() + 30_000;
  while (subscribers.some((s) => s.arrivals.size < acks.size) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const rssAfter = process.memoryUsage().rss;
  const latencies: number[] = [];
  let missed = 0;
  for (const s of subscribers)
    for (const [n, at] of acks) {
      const arrived = s.arrivals.get(n);
      if (arrived === undefined) missed++;
      else latencies.push(Math.max(0, arrived - at));
    }
  subscribers.forEach((s) => s.close());
  latencies.sort((a, b) => a - b);
  console.log(
    `live events: ${acks.size}/${total} acked at ${RATE}/s, ${SUBSCRIBERS} subscribers on ${apps.length} instances — ` +
      `webhook 200 → event p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}, ` +
      `max ${ms(latencies.at(-1) ?? 0)}, missed ${missed}; RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
  );
}

async function inboxQueries(app: PipelineApp, key: string, databaseUrl: string) {
  await seedConversations(databaseUrl, CONVERSATIONS);
  const base = app.webhookUrl.replace(/\/api\/whatsapp\/webhook$/, '');
  const queries: Array<[string, string]> = [
    ['q (message text)', 'q=March'],
    ['q (name)', 'q=Customer%2012345'],
    ['q (phone digits)', 'q=160054321'],
    ['unread', 'unread=true'],
  ];
  for (const [label, query] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await new Promise<void>((resolve, reject) =>
        http
          .get(
            `${base}/api/v1/conversations?${query}`,
            { agent, headers: { authorization: `Bearer ${key}` } },
            (res) => {
              res.resume();
              res.on('end', () =>
                res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
              );
            },
          )
          .on('error', reject),
      );
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `GET /conversations?${query} on ${CONVERSATIONS} conversations (${label}): p50 ${ms(percentile(times, 0.5))}, p99 ${ms(percentile(times, 0.99))}`,
    );
  }
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const apps: PipelineApp[] = [];
  try {
    const encryptionKey = crypto.randomBytes(32).toString('base64');
    for (let i = 0; i < 2; i++) apps.push(await startPipelineApp(bench.url, {}, encryptionKey));
    const { container } = apps[0].runtime;
    const tenant = await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
    const { apiKey } = await container
      .get<CreateUser>(TYPES.CreateUser)
      .execute({ tenantId: tenant.id, name: 'Bench rep', phone: '+5491140000001', role: 'sales' });
    for (const app of apps) {
      app.runtime.container.get<EventHub>(TYPES.EventHub).start();
      app.processor.start();
    }
    await liveEvents(apps, apiKey);
    await inboxQueries(apps[0], apiKey, bench.url);
  } finally {
    for (const app of apps) {
      await app.runtime.container.get<EventHub>(TYPES.EventHub).stop();
      await app.close();
    }
    agent.destroy();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
