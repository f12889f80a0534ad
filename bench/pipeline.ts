/**
 * bench/pipeline — end to end, from signed webhook to queued reply, on PostgreSQL.
 * N distinct customers each send an enquiry and then a follow-up; the real app (HTTP + inbox
 * processor + router) turns them into leads, timeline entries and queued replies.
 * Prints messages/s from the first POST until every message is processed, and the rows made. The
 * deliveries are signed beforehand and POSTed from a worker thread (the provider's side). The
 * default 5,000 customers (10,000 messages, several seconds) measure the sustained rate; a run of a
 * second or two mostly measures the JIT warming up.
 *
 *   npm run bench:pipeline -- [--customers 5000] [--connections 50] [--profile] [--instances n]
 *                              [--lanes n] [--per-transaction n] [--batch n]
 *   --instances n: n instances of the app on the one database (this process and n-1 children), the
 *                  deliveries spread over them in turn, as behind a load balancer
 *   --lanes n, --per-transaction n, --batch n: the inbox processor's options (defaults: the app's)
 *   --profile: statements per event, Node event-loop utilisation, what the app's PostgreSQL
 *              sessions were doing (sampled from pg_stat_activity); statements and Node CPU are
 *              this process's only
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { CreateUser } from '../server/src/modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../server/src/modules/identity/application/EnsureDefaultTenant';
import { TYPES } from '../server/src/types';
import { signMetaBody } from '../server/src/whatsapp/inbound/metaSignature';
import { createBenchDatabase } from './support/benchDatabase';
import { publishResult } from './support/benchResult';
import { PipelineProfile } from './support/profile';
import { postFromWorker } from './support/postFromWorker';
import { startServer, type ServerChild } from './support/children';
import { APP_SECRET, PHONE_NUMBER_ID } from './support/constants';
import { startPipelineApp, type InboxTuning } from './support/pipelineApp';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000' },
    connections: { type: 'string', default: '50' },
    profile: { type: 'boolean', default: false },
    lanes: { type: 'string' },
    'per-transaction': { type: 'string' },
    batch: { type: 'string' },
    instances: { type: 'string', default: '1' },
  },
});
const CUSTOMERS = Number(values.customers);
const CONNECTIONS = Number(values.connections);
const INSTANCES = Math.max(1, Number(values.instances));

function delivery(phoneDigits: string, text: string): string {
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
              contacts: [{ profile: { name: 'Bench Customer' }, wa_id: phoneDigits }],
              messages: [
                {
                  from: phoneDigits,
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

async function main(): Promise<void> {
  const bench = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const children: ServerChild[] = [];
  try {
    const tuning: InboxTuning = {
      lanes: values.lanes ? Number(values.lanes) : undefined,
      perTransaction: values['per-transaction'] ? Number(values['per-transaction']) : undefined,
      batch: values.batch ? Number(values.batch) : undefined,
    };
    const encryptionKey = crypto.randomBytes(32).toString('base64');
    const app = await startPipelineApp(bench.url, tuning, encryptionKey);
    const { runtime, processor } = app;
    const tenant = await runtime.container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
    for (let i = 0; i < 3; i++)
      await runtime.container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({ tenantId: tenant.id, name: `Rep ${i}`, phone: `+549114000000${i}`, role: 'sales' });
    // More instances: the same app in child processes on the same database (the migrations are done).
    for (let i = 1; i < INSTANCES; i++)
      children.push(
        await startServer('pipelineServer.ts', {
          env: {
            BENCH_APP_DATABASE_URL: bench.url,
            BENCH_ENCRYPTION_KEY: encryptionKey,
            BENCH_INBOX_TUNING: JSON.stringify(tuning),
          },
        }),
      );
    const urls = [app.webhookUrl, ...children.map((c) => app.webhookUrl.replace(/:\d+\//, `:${c.port}/`))];

    // Enquiries first, then follow-ups: each customer's second message finds the lead the first made.
    const phone = (i: number) => `54911${String(50_000_000 + i)}`;
    const bodies = [
      ...Array.from({ length: CUSTOMERS }, (_, i) =>
        delivery(phone(i), `Hi, we are ${2 + (i % 4)} people, trip in December?`),
      ),
      ...Array.from({ length: CUSTOMERS }, (_, i) => delivery(phone(i), 'Also: is lunch included?')),
    ];
    const profile = values.profile ? await PipelineProfile.start(runtime.db.knex, bench.url) : undefined;
    processor.start();
    let started = process.hrtime.bigint();
    const { failed } = await postFromWorker(
      urls,
      bodies.map((body) => ({ body, signature: signMetaBody(body, APP_SECRET) })),
      CONNECTIONS,
      () => (started = process.hrtime.bigint()),
    );
    const acked = Number(process.hrtime.bigint() - started) / 1e9;
    for (;;) {
      const { rows, processed } = await bench.inboxCounts();
      if (processed >= rows) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const done = Number(process.hrtime.bigint() - started) / 1e9;
    await profile?.stop(bodies.length);
    const count = async (sql: string) => Number((await runtime.db.knex.raw(sql)).rows[0].n);
    const leads = await count('SELECT count(*) AS n FROM leads');
    const replies = await count(
      `SELECT count(*) AS n FROM whatsapp_messages WHERE direction = 'OUTBOUND' AND content->>'purpose' = 'reply'`,
    );
    const failures = await count('SELECT count(*) AS n FROM whatsapp_webhook_events WHERE error IS NOT NULL');
    console.log(
      `pipeline: ${CUSTOMERS} customers × 2 messages, ${CONNECTIONS} connections, ${INSTANCES} instance(s), inbox lanes ${processor.options.concurrency} × ${processor.options.eventsPerTransaction} events/transaction, batch ${processor.options.batchSize} — ${os.cpus().length} × ${os.cpus()[0].model.trim()}, node ${process.version}, PostgreSQL ${bench.serverVersion}`,
    );
    console.log(
      `acked      ${bodies.length} in ${acked.toFixed(2)} s (${Math.round(bodies.length / acked)}/s), non-200: ${failed}`,
    );
    console.log(
      `end to end ${bodies.length} messages processed in ${done.toFixed(2)} s → ${Math.round(bodies.length / done)} msg/s   (goal ≥ 1,000)`,
    );
    console.log(
      `made       leads ${leads} (expected ${CUSTOMERS}), lead confirmations ${replies} (expected ${CUSTOMERS}), events with errors ${failures}`,
    );
    publishResult({
      bench: 'pipeline',
      metric: `messages/s end to end, ${CUSTOMERS} customers × 2 (webhook → lead + queued reply)`,
      unit: 'msg/s',
      value: bodies.length / done,
      baseline: { label: 'acknowledged/s in the same run (ingest alone)', value: bodies.length / acked },
      ratio: acked / done,
      goal: '≥ 1,000 msg/s',
      pass: bodies.length / done >= 1000 && leads === CUSTOMERS && replies === CUSTOMERS,
    });
    await Promise.all(children.map((c) => c.stop()));
    await app.close();
  } finally {
    children.forEach((c) => c.kill());
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
