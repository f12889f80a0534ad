import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { PanicReason } from './panicTrigger';

export interface PanicState {
  tenantId: string;
  active: boolean;
  reason?: PanicReason;
  details: Record<string, unknown>;
  since?: Date;
  resumesAt?: Date;
  resumedAt?: Date;
  resumedBy?: string;
}

interface PanicRow {
  tenant_id: string;
  active: boolean;
  reason: string | null;
  details: Record<string, unknown>;
  since: Date | null;
  resumes_at: Date | null;
  resumed_at: Date | null;
  resumed_by: string | null;
}

const date = (d: Date | null) => (d ? new Date(d) : undefined);
const toState = (r: PanicRow): PanicState => ({
  tenantId: r.tenant_id,
  active: r.active,
  reason: (r.reason as PanicReason | null) ?? undefined,
  details: r.details,
  since: date(r.since),
  resumesAt: date(r.resumes_at),
  resumedAt: date(r.resumed_at),
  resumedBy: r.resumed_by ?? undefined,
});

/**
 * whatsapp_panic_states, one row per tenant. Every transition is a conditional write, so with
 * several instances exactly one of them enters (or resumes) and writes the audit entry.
 */
@injectable()
export class PanicStates {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string): Promise<PanicState | undefined> {
    const row = (await this.db.q('whatsapp_panic_states').where({ tenant_id: tenantId }).first()) as
      PanicRow | undefined;
    return row && toState(row);
  }

  /** Activates unless already active; returns the new state only when this call activated it. */
  async activate(
    tenantId: string,
    reason: PanicReason,
    details: Record<string, unknown>,
    since: Date,
    resumesAt: Date,
  ): Promise<PanicState | undefined> {
    const values = {
      active: true,
      reason,
      details: JSON.stringify(details),
      since,
      resumes_at: resumesAt,
      resumed_at: null,
      resumed_by: null,
    };
    const rows = (await this.db
      .q('whatsapp_panic_states')
      .insert({ tenant_id: tenantId, ...values })
      .onConflict('tenant_id')
      .merge(values)
      .where('whatsapp_panic_states.active', false)
      .returning('*')) as PanicRow[];
    return rows[0] && toState(rows[0]);
  }

  /** Deactivates the tenant's panic (if `tenantId`) or every one due by `dueBy`; returns what changed. */
  async deactivate(
    where: { tenantId: string } | { dueBy: Date },
    at: Date,
    by: string,
  ): Promise<PanicState[]> {
    const query = this.db.q('whatsapp_panic_states').where({ active: true });
    if ('tenantId' in where) query.where({ tenant_id: where.tenantId });
    else query.where('resumes_at', '<=', where.dueBy);
    const rows = (await query
      .update({ active: false, resumed_at: at, resumed_by: by })
      .returning('*')) as PanicRow[];
    return rows.map(toState);
  }
}
