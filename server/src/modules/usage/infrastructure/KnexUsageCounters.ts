import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Counter } from '../domain/Plans';
import type { CounterRow, ThresholdLevel, UsageCounters } from '../domain/UsageCounters';

/**
 * `usage_counters`, one row per tenant, period and counter. The upsert that reads a count takes
 * the row lock, so concurrent transactions of any instance wait for each other there and each
 * sees the count the previous one committed (docs/decisions/0021).
 */
@injectable()
export class KnexUsageCounters implements UsageCounters {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /** One statement when the row exists (it usually does: `usage-reset` opens each month's rows). */
  async reserve(tenantId: string, period: string, counter: Counter, n: number, limit: number | null) {
    const taken = await this.take(tenantId, period, counter, n, limit);
    if (taken) return taken;
    await this.lock(tenantId, period, counter);
    return (await this.take(tenantId, period, counter, n, limit))!;
  }

  /** Locks the row, grants what fits under `limit` and adds it; undefined when there is no row. */
  private async take(tenantId: string, period: string, counter: Counter, n: number, limit: number | null) {
    const { rows } = await this.db.q.raw<{ rows: Array<{ used: number; granted: number }> }>(
      `WITH locked AS (
         SELECT used, CASE WHEN ?::int IS NULL THEN ?::int ELSE LEAST(?::int, GREATEST(?::int - used, 0)) END AS granted
           FROM usage_counters WHERE tenant_id = ? AND period_start = ? AND counter = ? FOR UPDATE)
       UPDATE usage_counters u SET used = locked.used + locked.granted, updated_at = now() FROM locked
        WHERE u.tenant_id = ? AND u.period_start = ? AND u.counter = ?
       RETURNING u.used, locked.granted`,
      [limit, n, n, limit, tenantId, period, counter, tenantId, period, counter],
    );
    return rows[0] && { granted: Number(rows[0].granted), used: Number(rows[0].used) };
  }

  async lock(tenantId: string, period: string, counter: Counter): Promise<number> {
    const { rows } = await this.db.q.raw<{ rows: Array<{ used: number }> }>(
      `INSERT INTO usage_counters (tenant_id, period_start, counter, used) VALUES (?, ?, ?, 0)
       ON CONFLICT (tenant_id, period_start, counter) DO UPDATE SET used = usage_counters.used
       RETURNING used`,
      [tenantId, period, counter],
    );
    return rows[0].used;
  }

  async release(tenantId: string, period: string, counter: string, n: number): Promise<void> {
    await this.db
      .q('usage_counters')
      .where({ tenant_id: tenantId, period_start: period, counter })
      .update({ used: this.db.knex.raw('GREATEST(used - ?, 0)', [n]), updated_at: this.db.knex.fn.now() });
  }

  releaseMessage(messageId: string): Promise<void> {
    return this.db.run(async () => {
      const { rows } = await this.db.q.raw<{ rows: Array<{ tenant_id: string; period: string }> }>(
        `WITH counted AS (
         SELECT id, tenant_id, usage_period FROM whatsapp_messages
          WHERE id = ? AND usage_period IS NOT NULL AND provider_message_id IS NULL FOR UPDATE)
       UPDATE whatsapp_messages m SET usage_period = NULL FROM counted WHERE m.id = counted.id
       RETURNING counted.tenant_id, to_char(counted.usage_period, 'YYYY-MM-DD') AS period`,
        [messageId],
      );
      for (const row of rows) await this.release(row.tenant_id, row.period, 'messages', 1);
    });
  }

  async add(tenantId: string, period: string, counter: string, n: number): Promise<void> {
    await this.db.q.raw(
      `INSERT INTO usage_counters (tenant_id, period_start, counter, used) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, period_start, counter)
       DO UPDATE SET used = usage_counters.used + EXCLUDED.used, updated_at = now()`,
      [tenantId, period, counter, n],
    );
  }

  async markAlerted(tenantId: string, period: string, counter: Counter, level: ThresholdLevel) {
    const column = level === 80 ? 'alerted_80' : 'alerted_100';
    const updated = await this.db
      .q('usage_counters')
      .where({ tenant_id: tenantId, period_start: period, counter, [column]: false })
      .update({ [column]: true });
    return Number(updated) > 0;
  }

  async list(tenantId: string, period: string): Promise<CounterRow[]> {
    return (await this.db
      .q('usage_counters')
      .where({ tenant_id: tenantId, period_start: period })
      .orderBy('counter')
      .select('counter', 'used')) as CounterRow[];
  }

  async open(tenantId: string, period: string, counters: readonly Counter[]): Promise<number> {
    const inserted = (await this.db
      .q('usage_counters')
      .insert(counters.map((counter) => ({ tenant_id: tenantId, period_start: period, counter, used: 0 })))
      .onConflict(['tenant_id', 'period_start', 'counter'])
      .ignore()
      .returning('counter')) as unknown[];
    return inserted.length;
  }
}
