/**
 * bench/inbox-search — `GET /api/v1/conversations` with `q`, `unread=true` and `assignedTo` (a rep
 * holding 100 conversations spread over the inbox, and `none`) on a large inbox.
 *
 * The real app (a child process, PostgreSQL) over --conversations seeded customers, each with one
 * inbound message ("Hi, we are 4 people, trip in March?", so `March` matches every one); then
 * --requests sequential requests per query over HTTP, p50/p99. Terms: a common one (every message),
 * a middling one (`Customer 1`: about one name in nine), a rare name, phone digits, no match.
 *
 * Baselines, in the same run on the same data: the plain list (no filter), and for each `q` the
 * former query alone (the whole match set from the trigram indexes, then ordered and paged), run
 * straight on the database — what `q` cost before the walk of the newest conversations.
 *
 *   npm run bench:inbox -- [--conversations 100000] [--requests 200]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createBenchDatabase } from './support/benchDatabase';
import { publishResult } from './support/benchResult';
import { startServer, type ServerChild } from './support/children';
import { defaultTenantId, seedConversations } from './support/seed';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
  },
});
const CONVERSATIONS = Number(values.conversations);
const REQUESTS = Number(values.requests);
const GOAL_P99_MS = 50;

const QUERIES: Array<[label: string, query: string, q?: string]> = [
  ['list, no filter (baseline)', ''],
  ['unread=true', 'unread=true'],
  ['q: message text, every one matches', 'q=March', 'March'],
  ['q: name, one in nine matches', 'q=Customer%201', 'Customer 1'],
  ['q: name, one matches', 'q=Customer%2012345', 'Customer 12345'],
  ['q: phone digits, one matches', 'q=160054321', '160054321'],
  ['q: no match', 'q=kayak', 'kayak'],
  ['assignedTo=none, every one matches', 'assignedTo=none'],
  ['assignedTo: a rep with 100 of them', 'assignedTo=REP'],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);

async function timed(times: number, run: () => Promise<void>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(10, times); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

function get(agent: http.Agent, url: string, key: string): Promise<void> {
  return new Promise((resolve, reject) =>
    http
      .get(url, { agent, headers: { authorization: `Bearer ${key}` } }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${res.statusCode}`)),
        );
      })
      .on('error', reject),
  );
}

/** The former `q` query: the match set first (trigram indexes), then ordered and paged. */
const MATCH_SET_FIRST = `
  SELECT c.*, c.created_at::text AS page_at FROM whatsapp_conversations c
   WHERE c.tenant_id = $1 AND c.id IN (
         SELECT id FROM whatsapp_conversations
          WHERE tenant_id = $1 AND (COALESCE(customer_name, '') || ' ' || customer_phone) ILIKE $2
         UNION
         SELECT conversation_id FROM whatsapp_messages
          WHERE tenant_id = $1 AND conversation_id IS NOT NULL AND content->>'text' ILIKE $2)
   ORDER BY c.created_at DESC, c.id DESC LIMIT 51`;

async function main(): Promise<void> {
  const bench = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  let server: ServerChild | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sql = new Client({ connectionString: bench.url, application_name: 'wa-ops-bench' });
  try {
    server = await startServer('eventsServer.ts', {
      env: {
        BENCH_APP_DATABASE_URL: bench.url,
        BENCH_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
        BENCH_CREATE_USER: '1',
      },
    });
    await seedConversations(bench.url, CONVERSATIONS);
    const tenantId = await defaultTenantId(bench.url);
    await sql.connect();
    // One staff user gets 100 conversations spread over the whole inbox: "mine" for a rep.
    const { rows: staff } = await sql.query<{ id: string }>(
      'SELECT id FROM users WHERE tenant_id = $1 ORDER BY created_at LIMIT 1',
      [tenantId],
    );
    const rep = staff[0].id;
    await sql.query(
      `UPDATE whatsapp_conversations SET assigned_to = $2 WHERE id IN
         (SELECT id FROM whatsapp_conversations WHERE tenant_id = $1 ORDER BY random() LIMIT 100)`,
      [tenantId, rep],
    );
    await sql.query('ANALYZE whatsapp_conversations');
    const base = `http://127.0.0.1:${server.port}/api/v1/conversations`;
    console.log(
      `${CONVERSATIONS} conversations, ${REQUESTS} sequential requests per query; ` +
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}, ${os.cpus().length} CPUs`,
    );
    console.log(
      `${'query'.padEnd(38)}${'p50'.padStart(10)}${'p99'.padStart(10)}   former query alone, SQL p50 / p99`,
    );
    let worst = 0;
    let baseline = NaN;
    for (const [label, query, q] of QUERIES) {
      const url = `${base}?${query.replace('REP', rep)}`;
      const api = await timed(REQUESTS, () => get(agent, url, server!.apiKey ?? ''));
      if (!query) baseline = api.p99;
      else worst = Math.max(worst, api.p99);
      const former = q
        ? await timed(Math.min(REQUESTS, 50), async () => {
            await sql.query(MATCH_SET_FIRST, [tenantId, `%${q}%`]);
          })
        : undefined;
      console.log(
        `${label.padEnd(38)}${ms(api.p50)}${ms(api.p99)}   ${former ? `${ms(former.p50)} / ${ms(former.p99)}` : ''}`,
      );
    }
    const pass = worst < GOAL_P99_MS;
    console.log(
      `worst p99 with a filter ${ms(worst).trim()}  goal < ${GOAL_P99_MS} ms: ${pass ? 'PASS' : 'MISS'}; ` +
        `load average after ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    publishResult({
      bench: 'inbox-search',
      metric: `GET /conversations?q=, ?unread=true and ?assignedTo= on ${CONVERSATIONS} conversations, worst p99`,
      unit: 'ms',
      value: worst,
      baseline: { label: 'the plain list (no filter), p99', value: baseline },
      ratio: worst / baseline,
      goal: `p99 < ${GOAL_P99_MS} ms`,
      pass,
    });
  } finally {
    agent.destroy();
    await sql.end().catch(() => undefined);
    await server?.stop().catch(() => server?.kill());
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
