import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Extension } from '@electric-sql/pglite';
import { types } from 'pg';
import type { Logger } from '../logging/createLogger';
import { Database } from './Database';
import { countingPgliteClient } from './embeddedClient';
import { preparingPgClient } from './PreparingPgClient';

// bigint counts and ids as numbers (they stay far below 2^53 here); numeric stays a string (money).
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export interface DatabaseOptions {
  /** postgres://… for a server; omitted for the embedded database. */
  url?: string;
  /** Directory of the embedded database; omitted means in memory (tests). */
  embeddedDir?: string;
  poolMax?: number;
  /** Where knex's own warnings go (pool errors, deprecations); silent when omitted. */
  logger?: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** Runs after the database is closed (e.g. releasing the embedded directory's lock). */
  onClose?: () => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = {
    warn: (message: unknown) => options.logger?.warn({ knex: message }, 'database warning'),
    error: (message: unknown) => options.logger?.error({ knex: message }, 'database error'),
    debug: (message: unknown) => options.logger?.debug({ knex: message }, 'database debug'),
    deprecate: (message: unknown) => options.logger?.warn({ knex: message }, 'database deprecation'),
  };
  if (options.url) {
    const knex = knexFactory({
      // Prepared statements (decision 0027); knex's type names only its own base class.
      client: preparingPgClient((error) =>
        options.logger?.warn(
          { err: error },
          'the database does not keep prepared statements (a transaction pooler?); running without them',
        ),
      ) as unknown as typeof Knex.Client,
      connection: { connectionString: options.url, application_name: 'wa-ops' },
      pool: { min: 0, max: options.poolMax ?? 10 },
      acquireConnectionTimeout: 10_000,
      log,
    });
    return new Database(knex, 'postgres', undefined, options.url);
  }
  if (options.embeddedDir) fs.mkdirSync(path.resolve(options.embeddedDir), { recursive: true });
  // Loaded only here: a server or CLI command on PostgreSQL starts without the embedded engine.
  const [{ PGlite }, { default: ClientPgLite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('knex-pglite'),
  ]);
  // pg_trgm: the inbox search indexes (migration 0014). A subpath export, which this project's
  // module resolution cannot name in an import statement.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  const pglite = await PGlite.create(options.embeddedDir ? path.resolve(options.embeddedDir) : undefined, {
    extensions: { pg_trgm },
  });
  const knex: Knex = knexFactory({
    client: countingPgliteClient(ClientPgLite),
    connection: () => ({ pglite }) as never,
    log,
  });
  return new Database(knex, 'embedded', async () => {
    if (!pglite.closed) await pglite.close();
    options.onClose?.();
  });
}
