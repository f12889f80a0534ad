/**
 * bench/webhook-ingest — how fast does wa-ops acknowledge signed Meta webhook deliveries?
 *
 * Drives POST /api/whatsapp/webhook of the real app (own process, PostgreSQL, inbox processor on)
 * with signed deliveries of the meta-text fixture's shape, every one different, over N keep-alive
 * connections; and, in the same session, a bare Express app that only checks the HMAC and parses JSON
 * (what any Node receiver must do on this machine). Runs alternate baseline/app. Prints acks/s
 * (2xx answers per second), p50/p99 of the 2xx answers, the ratio app/baseline against the goal
 * (ratio ≥ 0.60 and app p99 < 25 ms at 50 connections) and checks that every ack is a stored row.
 *
 * Fairness: the app's workers are paused while the baseline runs (its backlog would steal the
 * baseline's CPU) and resumed for the app's runs; each run waits for a quiet machine and reports the
 * CPU share other processes took during it ("other CPU"): above 10 % the figures are suspect.
 *
 *   npm run bench:webhook-ingest -- --duration 10
 *   options: --duration s (10)  --runs n (3)  --connections n (50)  --warmup s (2; at least 5 in round 1)
 *            --no-workers (the ack path alone)  --cpu-prof (V8 profiles of both servers, in a temp dir)
 *   BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres); a
 *                       database wa_ops_bench_<pid> is created there and dropped at the end.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchDatabase, type BenchDatabase } from './support/benchDatabase';
import { publishResult } from './support/benchResult';
import { startServer, type ServerChild } from './support/children';
import { foreignCpuPercent, sampleCpu, waitForQuiet } from './support/cpuUsage';
import { DeliveryPool, wamidOf } from './support/deliveries';
import { runLoad } from './support/load';
import {
  FOREIGN_CPU_WARN,
  fmt,
  printRowsCheck,
  printRun,
  printRunHeader,
  printSummary,
  type Run,
} from './support/report';

type Options = ReturnType<typeof readOptions>;

function readOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      runs: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '2' },
      'no-workers': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  const number = (name: 'duration' | 'runs' | 'connections' | 'warmup', min: number) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return n;
  };
  return {
    duration: number('duration', 1),
    runs: Math.floor(number('runs', 1)),
    connections: Math.floor(number('connections', 1)),
    warmup: number('warmup', 0),
    workers: !values['no-workers'],
    cpuProfDir: values['cpu-prof']
      ? path.join(os.tmpdir(), `wa-ops-bench-profiles-${process.pid}`)
      : undefined,
  };
}

/** The servers under load, the deliveries they get and what has been measured so far. */
interface Session {
  opts: Options;
  db: BenchDatabase;
  app: ServerChild;
  bare: ServerChild;
  pool: DeliveryPool;
  runs: Run[];
  /** Sequence numbers of the deliveries the app acknowledged. */
  acked: number[];
  /** App requests left unanswered when a run (or warm-up) stopped. */
  cutOff: number;
}

/** One warm-up + measured run against one server (round 1 warms up longer: cold JIT, cold caches). */
async function measure(s: Session, round: number, server: Run['server']): Promise<Run> {
  const { opts, app } = s;
  const isApp = server === 'app';
  if (opts.workers) await app.command(isApp ? 'resume-workers' : 'pause-workers');
  // Enough signed deliveries for twice the best rate seen so far (the first run guesses 15k/s).
  const expectedRate = Math.max(0, ...s.runs.map((r) => r.acksPerSec)) || 15_000;
  s.pool.refill(Math.ceil(expectedRate * 2 * (opts.duration + Math.max(opts.warmup, 5))));
  const pids = [process.pid, app.pid, s.bare.pid];
  const quiet = await waitForQuiet(pids, FOREIGN_CPU_WARN, 60);
  if (quiet >= FOREIGN_CPU_WARN)
    console.log(`  machine still busy (${fmt(quiet)}% used by others) after 60 s`);

  const load = {
    port: (isApp ? app : s.bare).port,
    connections: opts.connections,
    pool: s.pool,
    onAck: isApp ? (seq: number) => void s.acked.push(seq) : undefined,
  };
  const warmup = round === 1 ? Math.max(opts.warmup, 5) : opts.warmup;
  if (warmup > 0) {
    const warm = await runLoad({ ...load, duration: warmup });
    if (isApp) s.cutOff += warm.inFlightAtStop;
    if (warm.non2xx || warm.errors)
      console.log(`  warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors; ${warm.firstFailure ?? ''}`);
  }
  const inboxBefore = isApp ? await s.db.inboxCounts() : undefined;
  const cpuBefore = sampleCpu(pids);
  const result = await runLoad({ ...load, duration: opts.duration });
  const run: Run = { round, server, ...result, foreignCpu: foreignCpuPercent(cpuBefore, sampleCpu(pids)) };
  if (inboxBefore) {
    s.cutOff += run.inFlightAtStop;
    const inbox = await s.db.inboxCounts();
    if (opts.workers) run.processedPerSec = (inbox.processed - inboxBefore.processed) / opts.duration;
    run.backlog = inbox.rows - inbox.processed;
  }
  if (s.pool.signedDuringRun)
    console.log(
      `  the pool of ${s.pool.size} ran out: ${s.pool.signedDuringRun} deliveries signed during the run`,
    );
  return run;
}

async function main(): Promise<void> {
  const opts = readOptions();
  const db = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const children: ServerChild[] = [];
  const interrupted = (signal: string) => {
    console.error(`\n${signal}: stopping the servers, dropping ${db.name}`);
    children.forEach((c) => c.kill());
    void db.drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const app = await startServer('ingestServer.ts', {
      args: opts.workers ? [] : ['--no-workers'],
      env: { BENCH_APP_DATABASE_URL: db.url },
      cpuProfDir: opts.cpuProfDir,
    });
    children.push(app);
    const bare = await startServer('bareServer.ts', { cpuProfDir: opts.cpuProfDir });
    children.push(bare);

    const cpus = os.cpus();
    console.log(
      `webhook-ingest: ${opts.connections} connections, ${opts.runs} × ${opts.duration} s per server ` +
        `(+${opts.warmup} s warm-up each, 5 s in round 1), app workers ${opts.workers ? 'ON' : 'OFF'}`,
    );
    console.log(
      `machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
        `node ${process.version}, PostgreSQL ${db.serverVersion} (database ${db.name})\n`,
    );
    const session: Session = {
      opts,
      db,
      app,
      bare,
      pool: new DeliveryPool(),
      runs: [],
      acked: [],
      cutOff: 0,
    };
    printRunHeader();
    for (let round = 1; round <= opts.runs; round++) {
      for (const server of ['baseline', 'app'] as const) {
        const run = await measure(session, round, server);
        session.runs.push(run);
        printRun(run, session.runs);
      }
    }
    const summary = printSummary(session.runs);
    publishResult({
      bench: 'webhook-ingest',
      metric: `acks/s, ${opts.connections} connections (app p99 ${fmt(summary.app.p99, 1)} ms)`,
      unit: 'acks/s',
      value: summary.app.acksPerSec,
      baseline: {
        label: `bare Express + HMAC + JSON.parse (p99 ${fmt(summary.baseline.p99, 1)} ms)`,
        value: summary.baseline.acksPerSec,
      },
      ratio: summary.ratio,
      goal: 'ratio ≥ 0.60, p99 < 25 ms',
      pass: summary.pass,
    });

    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the last cut-off requests commit
    const stored = await db.storedWamids();
    printRowsCheck({
      acks: session.acked.length,
      rows: (await db.inboxCounts()).rows,
      ackedWithoutRow: session.acked.filter((seq) => !stored.has(wamidOf(seq))).length,
      cutOff: session.cutOff,
    });
    if (opts.cpuProfDir) console.log(`CPU profiles (written as the servers exit): ${opts.cpuProfDir}`);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error('webhook-ingest failed:', error);
  process.exitCode = 1;
});
