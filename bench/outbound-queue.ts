/**
 * The outbound queue, two ways, on PostgreSQL (docs/decisions/0012-outbound-queue.md):
 * row claims on whatsapp_messages (FOR UPDATE SKIP LOCKED under a lease) against pg-boss 10.4.2.
 * Both measure the queue alone: enqueue N messages (one autocommit insert each, 8 at a time), then
 * 4 workers claim batches of 50 and complete each message on its own (a send's outcome is
 * recorded per message).
 *
 *   npm run bench:outbound-queue
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default)  BENCH_MESSAGES=3000
 */
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { migrateToLatest } from '../server/src/shared/db/migrate';
import { openDatabase } from '../server/src/shared/db/openDatabase';
import type { Database } from '../server/src/shared/db/Database';

const N = Number(process.env.BENCH_MESSAGES ?? 3000);
const ENQUEUERS = 8;
const WORKERS = 4;
const BATCH = 50;

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function lanes(count: number, work: (lane: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, lane) => work(lane)));
}

async function rowClaims(db: Database, tenantId: string): Promise<[number, number]> {
  const enqueue = await timed(() =>
    lanes(ENQUEUERS, async (lane) => {
      for (let i = lane; i < N; i += ENQUEUERS)
        await db.q('whatsapp_messages').insert({
          tenant_id: tenantId,
          direction: 'OUTBOUND',
          type: 'text',
          customer_phone: `+5491155${String(i).padStart(6, '0')}`,
          content: JSON.stringify({ purpose: 'reply', text: `message ${i}` }),
          status: 'queued',
          available_at: new Date(),
        });
    }),
  );
  const drain = await timed(() =>
    lanes(WORKERS, async () => {
      for (;;) {
        const { rows } = await db.knex.raw<{ rows: Array<{ id: string }> }>(
          `UPDATE whatsapp_messages SET status = 'sending', attempts = attempts + 1,
                  locked_until = now() + interval '60 seconds'
            WHERE id IN (SELECT id FROM whatsapp_messages
                          WHERE direction = 'OUTBOUND' AND status = 'queued' AND available_at <= now()
                          ORDER BY available_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id`,
          [BATCH],
        );
        if (!rows.length) return;
        for (const { id } of rows)
          await db
            .q('whatsapp_messages')
            .where({ id, status: 'sending' })
            .update({ status: 'sent', sent_at: new Date(), locked_until: null });
      }
    }),
  );
  return [enqueue, drain];
}

async function pgBoss(url: string): Promise<[number, number]> {
  const boss = new PgBoss({ connectionString: url, max: 10, supervise: false, schedule: false });
  boss.on('error', (error) => process.stderr.write(`pg-boss: ${String(error)}\n`));
  await boss.start();
  await boss.createQueue('outbound');
  const enqueue = await timed(() =>
    lanes(ENQUEUERS, async (lane) => {
      for (let i = lane; i < N; i += ENQUEUERS)
        await boss.send('outbound', { to: `+5491155${String(i).padStart(6, '0')}`, text: `message ${i}` });
    }),
  );
  const drain = await timed(() =>
    lanes(WORKERS, async () => {
      for (;;) {
        const jobs = await boss.fetch('outbound', { batchSize: BATCH });
        if (!jobs.length) return;
        for (const job of jobs) await boss.complete('outbound', job.id);
      }
    }),
  );
  await boss.stop({ graceful: false, wait: true });
  return [enqueue, drain];
}

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `wa_ops_bench_queue_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  try {
    await migrateToLatest(db.knex);
    const [tenant] = await db.knex('tenants').insert({ slug: 'bench', name: 'Bench' }).returning('id');
    const rows = await rowClaims(db, (tenant as { id: string }).id);
    const boss = await pgBoss(url.toString());
    const line = (label: string, [enqueue, drain]: [number, number]) =>
      `${label.padEnd(34)} enqueue ${Math.round(N / enqueue)
        .toString()
        .padStart(6)}/s   claim+complete ${Math.round(N / drain)
        .toString()
        .padStart(6)}/s   both ${Math.round(N / (enqueue + drain))
        .toString()
        .padStart(6)}/s`;
    process.stdout.write(
      `${N} messages, ${ENQUEUERS} enqueuers, ${WORKERS} workers, batches of ${BATCH}\n` +
        `${line('row claims (whatsapp_messages)', rows)}\n${line('pg-boss 10.4.2 (fetch/complete)', boss)}\n`,
    );
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
