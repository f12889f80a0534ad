import { median, type LoadResult } from './load';

export const GOAL_RATIO = 0.6;
export const GOAL_P99_MS = 25;
/** Above this share of the machine used by other processes during a run, its figures are suspect. */
export const FOREIGN_CPU_WARN = 10;

export interface Run extends LoadResult {
  round: number;
  server: 'baseline' | 'app';
  /** % of the machine used during the run by processes other than the bench, its servers and PostgreSQL. */
  foreignCpu: number;
  /** App runs: inbox events the processor handled per second during the run, and those left waiting. */
  processedPerSec?: number;
  backlog?: number;
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

const WIDTHS = [16, 9, 8, 8, 8, 7, 9, 9];
const COLUMNS = ['acks/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts'];
const cells = (
  label: string,
  r: Pick<Run, 'acksPerSec' | 'p50' | 'p99' | 'non2xx' | 'errors' | 'timeouts'>,
) => [label, fmt(r.acksPerSec), fmt(r.p50, 2), fmt(r.p99, 2), r.non2xx, r.errors, r.timeouts];
const row = (values: (string | number)[]) =>
  values
    .map((c, i) => (i === 0 ? String(c).padEnd(WIDTHS[i]) : String(c).padStart(WIDTHS[i] ?? 0)))
    .join('  ');

const pairedBaseline = (runs: Run[], app: Run) =>
  runs.find((r) => r.round === app.round && r.server === 'baseline')?.acksPerSec ?? NaN;

export function printRunHeader(): void {
  console.log(row(['run', ...COLUMNS, 'other CPU', 'app/baseline, inbox processor']));
}

/** One line per run as it finishes (`runs` holds the earlier ones, for the round's ratio). */
export function printRun(run: Run, runs: Run[]): void {
  const inbox =
    run.server === 'app'
      ? `${fmt(run.acksPerSec / pairedBaseline(runs, run), 2)}, ` +
        (run.processedPerSec === undefined ? 'processor off' : `processed ${fmt(run.processedPerSec)}/s`) +
        `, backlog ${fmt(run.backlog ?? NaN)}`
      : '';
  console.log(row([...cells(`${run.round} ${run.server}`, run), `${fmt(run.foreignCpu)}%`, inbox]));
  if (run.foreignCpu > FOREIGN_CPU_WARN)
    console.log(
      `  other processes used ${fmt(run.foreignCpu)}% of the machine during this run: figures suspect`,
    );
  if (run.firstFailure) console.log(`  first failure: ${run.firstFailure}`);
}

/** Medians of the runs per server, the ratio and the verdicts (also returned, for `npm run bench`). */
export function printSummary(runs: Run[]) {
  const summary = (server: Run['server']) => {
    const of = runs.filter((r) => r.server === server);
    const total = (k: 'non2xx' | 'errors' | 'timeouts') => of.reduce((s, r) => s + r[k], 0);
    return {
      acksPerSec: median(of.map((r) => r.acksPerSec)),
      p50: median(of.map((r) => r.p50)),
      p99: median(of.map((r) => r.p99)),
      non2xx: total('non2xx'),
      errors: total('errors'),
      timeouts: total('timeouts'),
    };
  };
  const baseline = summary('baseline');
  const app = summary('app');
  const ratio = app.acksPerSec / baseline.acksPerSec;
  const perRound = runs
    .filter((r) => r.server === 'app')
    .map((r) => fmt(r.acksPerSec / pairedBaseline(runs, r), 2));
  console.log(`\nmedian of the runs (non-2xx, errors, timeouts: totals)`);
  console.log(row(['', ...COLUMNS]));
  console.log(row(cells('baseline (bare)', baseline)));
  console.log(row(cells('app', app)));
  console.log(
    `ratio app/baseline  ${fmt(ratio, 2)}     goal ≥ ${GOAL_RATIO.toFixed(2)}   ${verdict(ratio >= GOAL_RATIO)}` +
      `   (per round: ${perRound.join(', ')})`,
  );
  console.log(
    `app p99             ${fmt(app.p99, 2)} ms  goal < ${GOAL_P99_MS} ms  ${verdict(app.p99 < GOAL_P99_MS)}`,
  );
  return { baseline, app, ratio, pass: ratio >= GOAL_RATIO && app.p99 < GOAL_P99_MS };
}

/**
 * Every ack must be a stored row. Rows beyond the acks are deliveries stored while their request was
 * cut off by the end of a run (the provider would redeliver them and be told "duplicate").
 */
export function printRowsCheck(check: {
  acks: number;
  rows: number;
  ackedWithoutRow: number;
  cutOff: number;
}) {
  const unacked = check.rows - (check.acks - check.ackedWithoutRow);
  console.log(
    `\nrows check: ${fmt(check.acks)} app acks (incl. warm-ups), ${fmt(check.rows)} rows in whatsapp_webhook_events; ` +
      `acked without a row: ${check.ackedWithoutRow}; rows without an ack: ${unacked} ` +
      `(requests cut off at the end of runs: ${check.cutOff})  ` +
      verdict(check.ackedWithoutRow === 0 && unacked >= 0 && unacked <= check.cutOff),
  );
}
