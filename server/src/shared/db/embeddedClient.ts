import type { Knex } from 'knex';

/** knex methods that answer a number of rows on PostgreSQL when nothing is returned. */
const COUNTED = new Set(['del', 'counter']);

/**
 * knex-pglite's client, answering `delete()` and `increment()` with the number of rows as knex
 * does on a server. knex-pglite names the result's command after the method (`DEL`, `COUNTER`),
 * which knex does not recognise, so it answered the driver's whole result: a caller comparing a
 * count (`> 0`) read every delete as "nothing deleted".
 */
export function countingPgliteClient(ClientPgLite: typeof Knex.Client): typeof Knex.Client {
  const Base = ClientPgLite as unknown as new (config: Knex.Config) => {
    processResponse(obj: { method?: string }, runner: unknown): unknown;
  };
  class CountingPgliteClient extends Base {
    override processResponse(obj: { method?: string }, runner: unknown): unknown {
      const result = super.processResponse(obj, runner);
      const counted = obj.method !== undefined && COUNTED.has(obj.method) && !Array.isArray(result);
      return counted ? (result as { rowCount: number }).rowCount : result;
    }
  }
  return CountingPgliteClient as unknown as typeof Knex.Client;
}
