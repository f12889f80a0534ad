import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';

export type BookingStatus = 'pending_payment' | 'confirmed' | 'cancelled';

export interface BookingProps {
  id: string;
  tenantId: string;
  ref: string;
  leadId?: string;
  tripId?: string;
  customerPhone: string;
  customerName?: string;
  partySize: number;
  amount: string;
  currency: string;
  status: BookingStatus;
  paymentToken?: string;
  confirmedAt?: Date;
  cancelledAt?: Date;
  cancellationReason?: string;
  cancelledBy?: string;
  createdAt: Date;
}

/** BK-<n>: a place on a trip, pending payment until payments cover its amount. */
export class Booking {
  declare readonly id: string;
  declare readonly tenantId: string;
  declare readonly ref: string;
  declare readonly leadId?: string;
  declare readonly tripId?: string;
  declare readonly customerPhone: string;
  declare readonly customerName?: string;
  declare readonly partySize: number;
  declare readonly amount: string;
  declare readonly currency: string;
  declare readonly paymentToken?: string;
  declare readonly createdAt: Date;
  #status: BookingStatus;
  #confirmedAt?: Date;
  #cancelledAt?: Date;
  #cancellationReason?: string;
  #cancelledBy?: string;

  constructor({ status, confirmedAt, cancelledAt, cancellationReason, cancelledBy, ...fixed }: BookingProps) {
    Object.assign(this, fixed);
    this.#status = status;
    this.#confirmedAt = confirmedAt;
    this.#cancelledAt = cancelledAt;
    this.#cancellationReason = cancellationReason;
    this.#cancelledBy = cancelledBy;
  }

  get status(): BookingStatus {
    return this.#status;
  }
  get confirmedAt(): Date | undefined {
    return this.#confirmedAt;
  }
  get cancelledAt(): Date | undefined {
    return this.#cancelledAt;
  }
  get cancellationReason(): string | undefined {
    return this.#cancellationReason;
  }
  get cancelledBy(): string | undefined {
    return this.#cancelledBy;
  }

  /** `{base}/{ref}?t={token}` (SPEC §2). */
  paymentLink(baseUrl: string): string {
    if (!this.paymentToken)
      throw new BusinessRuleError('NO_PAYMENT_TOKEN', `Booking ${this.ref} has no payment token`);
    return `${baseUrl}/${this.ref}?t=${this.paymentToken}`;
  }

  assertPendingPayment(): void {
    if (this.#status !== 'pending_payment')
      throw new BusinessRuleError('BOOKING_NOT_PENDING', `Booking ${this.ref} is ${this.#status}`, {
        ref: this.ref,
        status: this.#status,
      });
  }

  /** A payment must be in the booking's currency, and a cancelled booking takes none. */
  assertAcceptsPayment(currency: string): void {
    if (this.#status === 'cancelled')
      throw new BusinessRuleError('BOOKING_CANCELLED', `Booking ${this.ref} is cancelled`, { ref: this.ref });
    if (currency !== this.currency)
      throw new ValidationError(`currency must be ${this.currency}, the currency of booking ${this.ref}`, [
        { field: 'currency', message: `must be ${this.currency}` },
      ]);
  }

  confirm(at: Date): void {
    this.assertPendingPayment();
    this.#status = 'confirmed';
    this.#confirmedAt = at;
  }

  /** Pending or confirmed, a booking may be cancelled once, for a reason. */
  cancel(at: Date, reason: string, by?: string): void {
    if (this.#status === 'cancelled')
      throw new BusinessRuleError('BOOKING_CANCELLED', `Booking ${this.ref} is already cancelled`, {
        ref: this.ref,
      });
    this.#status = 'cancelled';
    this.#cancelledAt = at;
    this.#cancellationReason = reason;
    this.#cancelledBy = by;
  }

  toJSON(): BookingProps {
    const { status, confirmedAt, cancelledAt, cancellationReason, cancelledBy } = this;
    return {
      ...(this as unknown as BookingProps),
      status,
      confirmedAt,
      cancelledAt,
      cancellationReason,
      cancelledBy,
    };
  }
}
