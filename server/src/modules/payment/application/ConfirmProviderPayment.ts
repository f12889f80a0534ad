import { inject, injectable } from 'inversify';
import { AppError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { RecordPayment, RecordPaymentOutput } from '../../booking/application/RecordPayment';
import type { PaymentProvider } from '../../booking/domain/Payment';

export interface ProviderPaymentInput {
  tenantId: string;
  provider: PaymentProvider;
  /** The provider's own id: the payment is recorded once per id. */
  providerPaymentId: string;
  bookingRef: string;
  amount: string | number;
  currency: string;
  reference: string;
}

/**
 * A payment a provider's signed webhook announced (SPEC §22): recorded once per provider payment
 * id, confirming the booking when it is covered. A payment that cannot be recorded (unknown
 * booking, other currency, cancelled booking) is audited, then refused with the original error.
 */
@injectable()
export class ConfirmProviderPayment {
  constructor(
    @inject(TYPES.RecordPayment) private readonly recordPayment: RecordPayment,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: ProviderPaymentInput): Promise<RecordPaymentOutput> {
    const { tenantId, provider, providerPaymentId, bookingRef, amount, currency, reference } = input;
    try {
      return await this.recordPayment.execute({
        tenantId,
        provider,
        providerPaymentId,
        bookingId: bookingRef,
        amount,
        currency,
        reference,
      });
    } catch (error) {
      if (error instanceof AppError)
        await this.audit.record({
          tenantId,
          actor: `provider:${provider}`,
          action: 'PAYMENT_NOT_RECORDED',
          details: { providerPaymentId, bookingRef, amount: String(amount), currency, code: error.code },
        });
      throw error;
    }
  }
}
