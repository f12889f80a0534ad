import { inject, injectable } from 'inversify';
import type { Database } from '../db/Database';
import { TYPES } from '../../types';
import type { RefAllocator, RefKind } from './RefAllocator';

/**
 * One PostgreSQL sequence per (tenant, kind), created with the tenant (migration 0008). `nextval`
 * takes no lock that lasts until commit, so concurrent lead creations do not wait for each other.
 * Numbers are unique and increasing but may have gaps: a rolled-back change keeps its number
 * (docs/decisions/0008-ref-sequences.md).
 */
@injectable()
export class KnexRefAllocator implements RefAllocator {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async next(tenantId: string, kind: RefKind): Promise<string> {
    const [ref] = await this.nextMany(tenantId, kind, 1);
    return ref;
  }

  async nextMany(tenantId: string, kind: RefKind, count: number): Promise<string[]> {
    if (count < 1) return [];
    const { rows } = await this.db.q.raw<{ rows: Array<{ value: string }> }>(
      `SELECT next_ref_value(?, ?) AS value FROM generate_series(1, ?)`,
      [tenantId, kind, count],
    );
    return rows
      .map((r) => Number(r.value))
      .sort((a, b) => a - b)
      .map((n) => `${kind}-${n}`);
  }
}
