import { inject, injectable } from 'inversify';
import type { Database } from '../db/Database';
import { TYPES } from '../../types';
import type { RefAllocator, RefKind } from './RefAllocator';

/**
 * One counter row per (tenant, kind), bumped in the caller's transaction: numbers have no gaps and
 * a rolled-back business change gives its number back. The row stays locked until that transaction
 * ends, which serialises ref allocation per tenant and kind.
 */
@injectable()
export class KnexRefAllocator implements RefAllocator {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async next(tenantId: string, kind: RefKind): Promise<string> {
    const { rows } = await this.db.q.raw(
      `INSERT INTO ref_counters (tenant_id, kind, last_value) VALUES (?, ?, 1)
       ON CONFLICT (tenant_id, kind) DO UPDATE SET last_value = ref_counters.last_value + 1
       RETURNING last_value`,
      [tenantId, kind],
    );
    return `${kind}-${Number(rows[0].last_value)}`;
  }
}
