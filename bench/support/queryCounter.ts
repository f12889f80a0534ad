/**
 * Preload (`node -r`) for a server process under a bench: counts the SQL statements the app sends
 * through `pg`, by shape, with their total round-trip time (statement sent → answer parsed, so
 * PostgreSQL's execution plus waiting), and writes them as JSON to BENCH_QUERY_COUNTS_FILE when the
 * process exits. PostgreSQL's pg_stat_statements needs a server restart to load; this needs nothing.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** Per shape: [count, total milliseconds]. */
export type QueryCounts = Array<[string, number, number]>;

const file = process.env.BENCH_QUERY_COUNTS_FILE;
if (file) {
  const shapes = new Map<string, { count: number; ms: number }>();
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const sql = typeof config === 'string' ? config : config?.text;
    if (!sql) return query.apply(this, args);
    const shape = sql
      .replace(/\s+/g, ' ')
      .replace(/\$\d+(, ?\$\d+)*/g, '$…')
      .slice(0, 110);
    const entry = shapes.get(shape) ?? { count: 0, ms: 0 };
    shapes.set(shape, entry);
    entry.count++;
    const started = performance.now();
    const done = () => void (entry.ms += performance.now() - started);
    const callback = args[args.length - 1];
    if (typeof callback === 'function')
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (callback as (...r: unknown[]) => unknown)(...results);
      };
    const result = query.apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  } as typeof pg.Client.prototype.query;
  process.on('exit', () =>
    fs.writeFileSync(file, JSON.stringify([...shapes].map(([shape, e]) => [shape, e.count, e.ms]))),
  );
}
