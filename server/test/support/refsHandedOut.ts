import { testDb } from './integrationHooks';

/** How many LD-/Q-/BK-/INC- numbers all tenants have taken from their ref sequences so far. */
export async function refsHandedOut(): Promise<number> {
  const { rows } = await testDb().knex.raw(
    `SELECT COALESCE(SUM(last_value), 0)::int AS n FROM pg_sequences WHERE sequencename LIKE 'ref\\_%'`,
  );
  return Number(rows[0].n);
}
