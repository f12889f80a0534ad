import type { Knex } from 'knex';
import { migrationNames, migrationSource } from '../../../../migrations';

export async function migrateToLatest(knex: Knex): Promise<string[]> {
  // The usual start finds nothing to do: one read, instead of latest()'s lock table and transaction
  // (a fifth of a CLI command's time on the embedded database).
  if (await migrationsAreCurrent(knex)) return [];
  const [, applied] = await knex.migrate.latest({ migrationSource });
  return applied as string[];
}

export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource }, true);
}

/** True when every migration this build knows about has been applied. */
export async function migrationsAreCurrent(knex: Knex): Promise<boolean> {
  const [completed] = (await knex.migrate.list({ migrationSource })) as [
    Array<{ name: string } | string>,
    unknown[],
  ];
  const done = new Set(completed.map((m) => (typeof m === 'string' ? m : m.name)));
  return migrationNames.every((name) => done.has(name));
}
