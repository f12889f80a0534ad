import fs from 'node:fs';

/** One benchmark's headline figures, compared with its baseline measured in the same run. */
export interface BenchResult {
  bench: string;
  metric: string;
  unit: string;
  value: number;
  baseline: { label: string; value: number };
  /** value / baseline (or whatever comparison the bench states in `note`). */
  ratio: number;
  goal?: string;
  pass?: boolean;
  note?: string;
}

/**
 * Hands results to `npm run bench` (bench/all.ts), which sets BENCH_RESULT_FILE: one JSON line per
 * result appended to it. Run alone, a bench just prints its own report.
 */
export function publishResult(result: BenchResult): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (file) fs.appendFileSync(file, JSON.stringify(result) + '\n');
}

export function readResults(file: string): BenchResult[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchResult);
}
