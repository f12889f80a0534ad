/**
 * bench/outbound — how fast does the dispatcher empty the queue? N text replies queued in
 * whatsapp_messages (N customers with an open 24-hour window), the real server (own process)
 * started on them, sending to a fake Graph API in this process. Sends/s from the first send the fake
 * receives to the last. Baseline, same run, same fake: raw HTTP POSTs of the same Cloud API payload
 * with the app's client (node:http, keep-alive) and as many in flight as the dispatcher has
 * (WHATSAPP_SEND_CONCURRENCY, set to --concurrency, 16 by default as in the app) — what any sender on
 * this machine gets; the same with fetch is shown for reference.
 *
 * Also reported: CPU time per send of the server process and of its PostgreSQL backends (less
 * sensitive to other load on the machine than the rate) and transactions committed per send;
 * `--profile` adds the SQL statements per send, by shape; `--cpu-prof DIR` has the server write
 * V8 CPU profiles there.
 *
 *   npm run bench:outbound -- [--messages 3000] [--concurrency 16] [--profile] [--cpu-prof DIR]
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FakeProviderServer } from '../server/test/support/FakeProviderServer';
import { META_APP, metaAppEnv } from '../server/test/support/process/metaApp';
import { serverProcess } from '../server/test/support/process/serverProcess';
import { waitFor } from '../server/test/support/process/waitFor';
import { createBenchDatabase } from './support/benchDatabase';
import { publishResult } from './support/benchResult';
import { fmt } from './support/report';
import { seedConversations, seededPhone, seedQueuedReplies } from './support/seed';
import type { QueryCounts } from './support/queryCounter';
import { ServerCpu } from './support/serverCpu';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '16' },
    profile: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const MESSAGES = Number(values.messages);
const CONCURRENCY = Number(values.concurrency);
const API_VERSION = 'v25.0';

type Client = 'node:http' | 'fetch';
const agent = new http.Agent({ keepAlive: true });

/** One POST; resolves with the status once the answer is read. */
function post(client: Client, url: string, headers: Record<string, string>, body: string): Promise<number> {
  if (client === 'fetch')
    return fetch(url, { method: 'POST', headers, body }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, agent }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Raw POSTs of Cloud API text messages to the fake, CONCURRENCY in flight; returns sends/s.
 * `node:http` (keep-alive) is the client the app's provider calls use; `fetch` is shown for reference.
 */
async function baseline(fake: FakeProviderServer, client: Client): Promise<number> {
  const url = `${fake.url}/${API_VERSION}/${META_APP.phoneNumberId}/messages`;
  const headers = { authorization: `Bearer ${META_APP.accessToken}`, 'content-type': 'application/json' };
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        const body = JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: seededPhone(i + 1).slice(1),
          type: 'text',
          text: { body: 'Thanks! Lead L-000123 is open; a rep will write to you shortly.' },
        });
        const status = await post(client, url, headers, body);
        if (status !== 200) throw new Error(`baseline send answered ${status}`);
      }
    }),
  );
  const rate = MESSAGES / (Number(process.hrtime.bigint() - started) / 1e9);
  fake.outbound.sent.length = 0;
  return rate;
}

/** The preload's statement counts of the last server run (bench/support/queryCounter.ts), per send. */
function printStatements(file: string): void {
  const shapes = JSON.parse(fs.readFileSync(file, 'utf8')) as QueryCounts;
  fs.rmSync(file, { force: true });
  const total = shapes.reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `statements per send (whole server run): ${(total / MESSAGES).toFixed(2)}; per shape: count per send, ` +
      `round-trip ms per send`,
  );
  for (const [shape, n, ms] of shapes.sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(
      `  ${(n / MESSAGES).toFixed(3).padStart(7)} ${(ms / MESSAGES).toFixed(3).padStart(7)}  ${shape}`,
    );
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const fake = await FakeProviderServer.start();
  fake.tokens.add(META_APP.accessToken);
  try {
    const env = {
      ...metaAppEnv(db.url, fake.url),
      WHATSAPP_API_VERSION: API_VERSION,
      WHATSAPP_RATE_LIMIT_PER_MINUTE: '1000000',
      // The dispatcher's calls in flight, and the baseline's: the same number.
      WHATSAPP_SEND_CONCURRENCY: String(CONCURRENCY),
    };
    const queryCounts = path.join(os.tmpdir(), `wa-ops-bench-queries-${process.pid}.json`);
    // First start: schema and default tenant; then the queue is filled while no dispatcher runs.
    const server = await serverProcess({
      name: 'outbound',
      env: values.profile ? { ...env, BENCH_QUERY_COUNTS_FILE: queryCounts } : env,
      execArgv: [
        ...(values.profile ? ['-r', path.join(__dirname, 'support/queryCounter.ts')] : []),
        ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []),
      ],
    });
    await server.start();
    await server.stop();
    await seedConversations(db.url, MESSAGES);
    await seedQueuedReplies(db.url, MESSAGES);

    const baselineRate = await baseline(fake, 'node:http');
    const fetchRate = await baseline(fake, 'fetch');

    const cpu = await ServerCpu.connect(db.url);
    const commitsBefore = await cpu.commits();
    await server.start();
    await waitFor('the first send', () => fake.outbound.sent.length > 0, {
      timeoutMs: 60_000,
      intervalMs: 5,
    });
    const first = process.hrtime.bigint();
    const cpuFirst = await cpu.snapshot(server.pid() ?? 0);
    await waitFor(`${MESSAGES} sends`, () => fake.outbound.sent.length >= MESSAGES, {
      timeoutMs: 600_000,
      intervalMs: 5,
      describe: () => `${fake.outbound.sent.length} sent`,
    });
    const appRate = (MESSAGES - 1) / (Number(process.hrtime.bigint() - first) / 1e9);
    const used = ServerCpu.between(cpuFirst, await cpu.snapshot(server.pid() ?? 0));
    await server.stop();
    const commits = (await cpu.commits()) - commitsBefore;
    await cpu.close();

    console.log(`outbound: ${fmt(MESSAGES)} queued text replies, PostgreSQL ${db.serverVersion}`);
    console.log(
      `baseline  raw POSTs to the fake, ${CONCURRENCY} in flight   ${fmt(baselineRate).padStart(7)} sends/s (node:http keep-alive; fetch: ${fmt(fetchRate)})`,
    );
    console.log(`app       queue → dispatcher → fake                ${fmt(appRate).padStart(7)} sends/s`);
    console.log(
      `ratio app/baseline ${fmt(appRate / baselineRate, 2)}; sends accepted by the fake: ${fake.outbound.sent.length}`,
    );
    const perSend = (seconds: number) => `${((seconds / (MESSAGES - 1)) * 1000).toFixed(3)} ms`;
    console.log(
      `CPU per send: server ${perSend(used.server)}, PostgreSQL backends ${perSend(used.postgres)} ` +
        `(${used.server.toFixed(2)} s and ${used.postgres.toFixed(2)} s); ` +
        `${(commits / MESSAGES).toFixed(2)} transactions committed per send (whole server run)`,
    );
    if (values.profile) printStatements(queryCounts);
    publishResult({
      bench: 'outbound',
      metric: `sends/s, ${fmt(MESSAGES)} queued replies → fake Graph API`,
      unit: 'sends/s',
      value: appRate,
      baseline: {
        label: `raw POSTs (node:http keep-alive) to the same fake, ${CONCURRENCY} in flight`,
        value: baselineRate,
      },
      ratio: appRate / baselineRate,
      goal: '≥ 1,000 sends/s (rate limit off), each message sent once',
      pass: appRate >= 1000 && fake.outbound.sent.length === MESSAGES,
      note:
        `each message sent once: ${fake.outbound.sent.length === MESSAGES ? 'yes' : `no (${fake.outbound.sent.length})`}; ` +
        `CPU per send: server ${perSend(used.server)}, PostgreSQL ${perSend(used.postgres)}`,
    });
  } finally {
    await fake.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error('outbound bench failed:', error);
  process.exitCode = 1;
});
