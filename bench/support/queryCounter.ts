/**
 * Preload (`node -r`) for a server process under a bench: counts the SQL statements the app sends
 * through `pg`, by shape, and writes them as JSON to BENCH_QUERY_COUNTS_FILE when the process exits.
 * PostgreSQL's pg_stat_statements needs a server restart to load; this needs nothing.
 */
import fs from 'node:fs';
import pg from 'pg';

const file = process.env.BENCH_QUERY_COUNTS_FILE;
if (file) {
  const shapes = new Map<string, number>();
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const sql = typeof config === 'string' ? config : config?.text;
    if (sql) {
      const shape = sql
        .replace(/\s+/g, ' ')
        .replace(/\$\d+(, ?\$\d+)*/g, '$…')
        .slice(0, 110);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  process.on('exit', () => fs.writeFileSync(file, JSON.stringify([...shapes])));
}
