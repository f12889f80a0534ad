import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';

/** What keeps a tenant's queue from being claimed for now (whatsapp_outbound_holds). */
export interface OutboundHold {
  /** The rate-limit window is full: nothing is claimed before its next slot. */
  until?: Date;
  /** Bulk pacing: only `high` messages are claimed before. */
  bulkUntil?: Date;
  /** Bulk pacing's GCRA time (see bulkPacing). */
  bulkTat?: Date;
}

interface HoldRow {
  until: Date | null;
  bulk_until: Date | null;
  bulk_tat: Date | null;
}

const date = (d: Date | null) => (d ? new Date(d) : undefined);

/**
 * One row per tenant instead of moving every waiting row's `available_at` when the tenant must
 * wait: a broadcast of thousands costs one write per slot, not thousands. Read by the claim (under
 * the tenant's advisory lock) and by the due-tenant scan.
 */
@injectable()
export class OutboundHolds {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string): Promise<OutboundHold> {
    const row = (await this.db
      .q('whatsapp_outbound_holds')
      .where({ tenant_id: tenantId })
      .first('until', 'bulk_until', 'bulk_tat')) as HoldRow | undefined;
    return row
      ? { until: date(row.until), bulkUntil: date(row.bulk_until), bulkTat: date(row.bulk_tat) }
      : {};
  }

  async save(tenantId: string, hold: OutboundHold): Promise<void> {
    await this.db
      .q('whatsapp_outbound_holds')
      .insert({
        tenant_id: tenantId,
        until: hold.until ?? null,
        bulk_until: hold.bulkUntil ?? null,
        bulk_tat: hold.bulkTat ?? null,
      })
      .onConflict('tenant_id')
      .merge();
  }
}
