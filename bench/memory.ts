/**
 * bench/memory — does the server's memory grow with what is stored? The real server (its own
 * process) on an empty database, then on one holding 100,000 conversations (each with its inbound
 * message): both after the same warm-up (signed deliveries from existing customers, processed,
 * replies sent to a fake Graph API), measured after a full GC. The baseline is the empty database.
 *
 *   npm run bench:memory -- [--conversations 100000] [--warmup 2000]
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a database
 *   wa_ops_bench_<pid> is created there and dropped at the end.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FakeProviderServer } from '../server/test/support/FakeProviderServer';
import { META_APP, metaAppEnv, metaTextDelivery } from '../server/test/support/process/metaApp';
import { MetaSender } from '../server/test/support/process/MetaSender';
import { serverProcess, type ServerProcess } from '../server/test/support/process/serverProcess';
import { waitFor } from '../server/test/support/process/waitFor';
import { createBenchDatabase, type BenchDatabase } from './support/benchDatabase';
import { publishResult } from './support/benchResult';
import { fmt } from './support/report';
import { seedConversations, seededPhone } from './support/seed';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '100000' },
    warmup: { type: 'string', default: '2000' },
  },
});
const CONVERSATIONS = Number(values.conversations);
const WARMUP = Number(values.warmup);
const MiB = 2 ** 20;

interface Memory {
  rss: number;
  heapUsed: number;
}

function measure(server: ServerProcess): Promise<Memory> {
  const child = server.process();
  if (!child) throw new Error('server not running');
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string } & Memory) => {
      if (message.type !== 'memory') return;
      child.off('message', onMessage);
      resolve({ rss: message.rss, heapUsed: message.heapUsed });
    };
    child.on('message', onMessage);
    child.send('memory');
  });
}

/** Starts the server, runs the warm-up traffic through it, measures, stops it. */
async function measureServer(db: BenchDatabase, fake: FakeProviderServer, label: string): Promise<Memory> {
  const server = await serverProcess({
    name: `memory-${label}`,
    env: { ...metaAppEnv(db.url, fake.url), WHATSAPP_RATE_LIMIT_PER_MINUTE: '100000' },
    execArgv: ['--expose-gc', '-r', path.join(__dirname, 'support/memoryProbe.ts')],
    ipc: true,
  });
  await server.start();
  try {
    const before = (await db.inboxCounts()).rows;
    const deliveries = Array.from({ length: WARMUP }, (_, i) =>
      metaTextDelivery({
        from: seededPhone(i + 1).slice(1),
        text: `Follow-up ${label} ${i}: is lunch included?`,
      }),
    );
    await new MetaSender({ targets: [server.baseUrl], ratePerSecond: 5_000, concurrency: 20 }).send(
      deliveries,
    );
    await waitFor(
      'warm-up processed',
      async () => {
        const inbox = await db.inboxCounts();
        return inbox.rows - before >= WARMUP && inbox.processed === inbox.rows;
      },
      { timeoutMs: 300_000, intervalMs: 200 },
    );
    await measure(server); // the first full GC after the load settles what the second measures
    return await measure(server);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const fake = await FakeProviderServer.start();
  fake.tokens.add(META_APP.accessToken);
  try {
    // A first start migrates and creates the tenant, so both measured starts do the same work.
    const setup = await serverProcess({ name: 'memory-setup', env: metaAppEnv(db.url, fake.url) });
    await setup.start();
    await setup.stop();
    const empty = await measureServer(db, fake, 'empty');
    const started = Date.now();
    await seedConversations(db.url, CONVERSATIONS);
    console.log(`seeded ${fmt(CONVERSATIONS)} conversations in ${fmt((Date.now() - started) / 1000, 1)} s`);
    const full = await measureServer(db, fake, 'seeded');
    console.log(
      `memory after ${fmt(WARMUP)} deliveries processed and a full GC (PostgreSQL ${db.serverVersion})`,
    );
    console.log(`                         RSS MiB   heap used MiB`);
    console.log(
      `empty database         ${fmt(empty.rss / MiB, 1).padStart(8)}   ${fmt(empty.heapUsed / MiB, 1).padStart(13)}`,
    );
    console.log(
      `${fmt(CONVERSATIONS).padEnd(7)} conversations  ${fmt(full.rss / MiB, 1).padStart(8)}   ${fmt(full.heapUsed / MiB, 1).padStart(13)}`,
    );
    publishResult({
      bench: 'memory',
      metric: `RSS with ${fmt(CONVERSATIONS)} conversations (heap ${fmt(full.heapUsed / MiB, 1)} MiB)`,
      unit: 'MiB',
      value: full.rss / MiB,
      baseline: {
        label: `empty database (heap ${fmt(empty.heapUsed / MiB, 1)} MiB)`,
        value: empty.rss / MiB,
      },
      ratio: full.rss / empty.rss,
      goal: 'no growth with stored data (ratio ≈ 1)',
      pass: full.rss / empty.rss < 1.25 && full.heapUsed / empty.heapUsed < 1.25,
    });
  } finally {
    await fake.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error('memory bench failed:', error);
  process.exitCode = 1;
});
