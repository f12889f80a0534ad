import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { fromCents, toCents } from '../domain/Money';
import type { NewPayment, Payment, PaymentProvider, PaymentRepository } from '../domain/Payment';

export interface PaymentRow {
  id: string;
  tenant_id: string;
  booking_id: string;
  amount: string | number;
  currency: string;
  reference: string;
  recorded_by: string | null;
  provider: PaymentProvider | null;
  provider_payment_id: string | null;
  received_at: Date;
}

export const toPayment = (r: PaymentRow): Payment => ({
  id: r.id,
  tenantId: r.tenant_id,
  bookingId: r.booking_id,
  amount: fromCents(toCents(r.amount)),
  currency: r.currency,
  reference: r.reference,
  recordedBy: r.recorded_by ?? undefined,
  provider: r.provider ?? undefined,
  providerPaymentId: r.provider_payment_id ?? undefined,
  receivedAt: r.received_at,
});

@injectable()
export class KnexPaymentRepository implements PaymentRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async findByReference(
    tenantId: string,
    bookingId: string,
    reference: string,
  ): Promise<Payment | undefined> {
    const row = await this.db
      .q<PaymentRow>('payments')
      .where({ tenant_id: tenantId, booking_id: bookingId, reference })
      .first();
    return row && toPayment(row as PaymentRow);
  }

  async findByProviderId(
    tenantId: string,
    provider: PaymentProvider,
    id: string,
  ): Promise<Payment | undefined> {
    const row = await this.db
      .q<PaymentRow>('payments')
      .where({ tenant_id: tenantId, provider, provider_payment_id: id })
      .first();
    return row && toPayment(row as PaymentRow);
  }

  async add(p: NewPayment): Promise<{ payment: Payment; created: boolean }> {
    const [row] = await this.db
      .q<PaymentRow>('payments')
      .insert({
        tenant_id: p.tenantId,
        booking_id: p.bookingId,
        amount: p.amount,
        currency: p.currency,
        reference: p.reference,
        recorded_by: p.recordedBy ?? null,
        provider: p.provider ?? null,
        provider_payment_id: p.providerPaymentId ?? null,
      })
      .onConflict(['tenant_id', 'booking_id', 'reference'])
      .ignore()
      .returning('*');
    if (row) return { payment: toPayment(row as PaymentRow), created: true };
    const existing = await this.findByReference(p.tenantId, p.bookingId, p.reference);
    if (!existing) throw new Error(`payment ${p.reference} conflicted but cannot be read back`);
    return { payment: existing, created: false };
  }

  async totalFor(tenantId: string, bookingId: string): Promise<string> {
    const row = await this.db
      .q('payments')
      .where({ tenant_id: tenantId, booking_id: bookingId })
      .sum({ total: 'amount' })
      .first();
    return fromCents(toCents((row as { total: string | number | null } | undefined)?.total ?? 0));
  }
}
