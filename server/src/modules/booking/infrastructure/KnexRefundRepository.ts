import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { fromCents, toCents } from '../domain/Money';
import type { NewRefund, Refund, RefundRepository } from '../domain/Refund';

interface RefundRow {
  id: string;
  tenant_id: string;
  booking_id: string;
  amount: string | number;
  currency: string;
  reason: string;
  recorded_by: string | null;
  created_at: Date;
}

const toRefund = (r: RefundRow): Refund => ({
  id: r.id,
  tenantId: r.tenant_id,
  bookingId: r.booking_id,
  amount: fromCents(toCents(r.amount)),
  currency: r.currency,
  reason: r.reason,
  recordedBy: r.recorded_by ?? undefined,
  createdAt: r.created_at,
});

@injectable()
export class KnexRefundRepository implements RefundRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async add(r: NewRefund): Promise<Refund> {
    const [row] = await this.db
      .q<RefundRow>('refunds')
      .insert({
        tenant_id: r.tenantId,
        booking_id: r.bookingId,
        amount: r.amount,
        currency: r.currency,
        reason: r.reason,
        recorded_by: r.recordedBy ?? null,
      })
      .returning('*');
    return toRefund(row as RefundRow);
  }

  async listFor(tenantId: string, bookingId: string): Promise<Refund[]> {
    const rows = await this.db
      .q<RefundRow>('refunds')
      .where({ tenant_id: tenantId, booking_id: bookingId })
      .orderBy('created_at');
    return (rows as RefundRow[]).map(toRefund);
  }
}
