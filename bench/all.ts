/**
 * npm run bench — every benchmark, one after the other (each in its own process, each against its
 * own baseline measured in the same run), then one table. `--quick` shortens every one (a smoke
 * run; the figures in docs/performance.md come from the full run).
 *
 *   npm run bench [-- --quick]
 *   BENCH_DATABASE_URL  PostgreSQL server the benches create their databases on
 *                       (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readResults, type BenchResult } from './support/benchResult';
import { fmt } from './support/report';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });

/** Each bench and its arguments (full run, quick run). */
const BENCHES: Array<{ file: string; full: string[]; quick: string[] }> = [
  {
    file: 'webhook-ingest.ts',
    full: ['--duration', '10', '--runs', '3'],
    quick: ['--duration', '3', '--runs', '1', '--warmup', '1'],
  },
  { file: 'pipeline.ts', full: ['--customers', '5000'], quick: ['--customers', '200'] },
  { file: 'outbound.ts', full: ['--messages', '3000'], quick: ['--messages', '300'] },
  { file: 'events.ts', full: ['--seconds', '10'], quick: ['--seconds', '3', '--warmup', '1'] },
  {
    file: 'inbox-search.ts',
    full: ['--conversations', '100000'],
    quick: ['--conversations', '10000', '--requests', '50'],
  },
  {
    file: 'memory.ts',
    full: ['--conversations', '100000', '--warmup', '2000'],
    quick: ['--conversations', '10000', '--warmup', '200'],
  },
];

function run(file: string, args: string[], resultFile: string): Promise<number> {
  console.log(`\n=== bench/${file} ${args.join(' ')}`);
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, file), ...args],
    {
      env: { ...process.env, BENCH_RESULT_FILE: resultFile },
      stdio: 'inherit',
    },
  );
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

function table(results: BenchResult[], failed: string[]): string {
  const rows = results.map((r) => [
    r.bench,
    r.metric,
    `${fmt(r.value, r.value < 100 ? 1 : 0)} ${r.unit}`,
    `${fmt(r.baseline.value, r.baseline.value < 100 ? 1 : 0)} — ${r.baseline.label}`,
    fmt(r.ratio, 2),
    r.goal ? `${r.goal}: ${r.pass ? 'PASS' : 'MISS'}${r.note ? ` (${r.note})` : ''}` : (r.note ?? ''),
  ]);
  const header = ['bench', 'measured', 'value', 'baseline (same run)', 'ratio', 'goal'];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  for (const bench of failed) lines.push(`| ${bench} | did not complete | | | | |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const resultFile = path.join(os.tmpdir(), `wa-ops-bench-results-${process.pid}.jsonl`);
  const failed: string[] = [];
  const started = Date.now();
  for (const bench of BENCHES) {
    const code = await run(bench.file, values.quick ? bench.quick : bench.full, resultFile);
    if (code !== 0) failed.push(bench.file);
  }
  const cpus = os.cpus();
  console.log(
    `\n## All benchmarks (${values.quick ? 'quick' : 'full'} run, ${fmt((Date.now() - started) / 60_000, 1)} min)\n` +
      `machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`,
  );
  console.log(table(readResults(resultFile), failed));
  fs.rmSync(resultFile, { force: true });
  if (failed.length) process.exitCode = 1;
}

void main();
