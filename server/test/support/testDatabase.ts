import crypto from 'node:crypto';
import knexFactory from 'knex';
import { Database } from '../../src/shared/db/Database';
import { migrateToLatest } from '../../src/shared/db/migrate';
import { openDatabase } from '../../src/shared/db/openDatabase';

export interface TestDatabase {
  db: Database;
  /** postgres://… of the fresh database, when on a server (for child processes). */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for this run: on TEST_DATABASE_URL's server when set (a new database named
 * wa_ops_test_…, dropped afterwards), otherwise an in-memory embedded one. Migrated by the real migrations.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({});
    await migrateToLatest(db.knex);
    return { db, drop: () => db.close() };
  }
  const base = new URL(serverUrl);
  if (!base.pathname.includes('test'))
    throw new Error(`Refusing TEST_DATABASE_URL: its database name must contain "test" (${base.pathname})`);
  const name = `wa_ops_test_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE ??`, [name]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  await migrateToLatest(db.knex);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await admin.raw(`DROP DATABASE IF EXISTS ?? WITH (FORCE)`, [name]);
      await admin.destroy();
    },
  };
}

let tableList: string[] | undefined;

/** Empties every table but the migration bookkeeping, in one statement. */
export async function truncateAll(db: Database): Promise<void> {
  tableList ??= (
    await db.knex.raw<{ rows: Array<{ tablename: string }> }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'knex_migrations%'`,
    )
  ).rows.map((r) => r.tablename);
  await db.knex.raw(`TRUNCATE ${tableList.map((t) => `"${t}"`).join(', ')} CASCADE`);
}
