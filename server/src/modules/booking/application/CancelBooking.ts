import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { BusinessRuleError, NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Booking } from '../domain/Booking';
import { bookingUpdated } from '../domain/bookingEvents';
import type { BookingRepository } from '../domain/BookingRepository';
import { fromCents, parseAmount, toCents } from '../domain/Money';
import type { PaymentRepository } from '../domain/Payment';
import type { Refund, RefundRepository } from '../domain/Refund';
import { requiredText } from '../domain/requiredText';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

export interface CancelBookingInput {
  actor: Actor;
  /** uuid or ref (`BK-12`) */
  bookingId: string;
  reason: string;
  /** At most what was paid; none when omitted. */
  refundAmount?: string | number;
}

export interface CancelBookingOutput {
  booking: Booking;
  refund?: Refund;
}

/** `POST /bookings/:id/cancel` (SPEC §22): cancelled, refund recorded, customer told (booking_cancelled). */
@injectable()
export class CancelBooking {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.BookingRepository) private readonly bookings: BookingRepository,
    @inject(TYPES.PaymentRepository) private readonly payments: PaymentRepository,
    @inject(TYPES.RefundRepository) private readonly refunds: RefundRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: CancelBookingInput): Promise<CancelBookingOutput> {
    const { actor } = input;
    assertAllowed(actor, 'cancel_booking');
    const reason = requiredText(input.reason, 'reason', 500);
    const refundAmount =
      input.refundAmount === undefined ? undefined : parseAmount(input.refundAmount, 'refundAmount');
    return this.unitOfWork.run(async () => {
      const booking = await this.bookings.findById(actor.tenantId, input.bookingId, { forUpdate: true });
      if (!booking) throw new NotFoundError('booking', input.bookingId);
      const from = booking.status;
      booking.cancel(this.clock.now(), reason, actor.userId);
      await this.assertRefundable(booking, refundAmount);
      await this.bookings.save(booking);
      const refund = refundAmount
        ? await this.refunds.add({
            tenantId: booking.tenantId,
            bookingId: booking.id,
            amount: refundAmount,
            currency: booking.currency,
            reason,
            recordedBy: actor.userId,
          })
        : undefined;
      const tenant = await requireTenant(this.tenants, actor.tenantId);
      await this.outbound.enqueue(
        customerNotifications.bookingCancelled(
          await customerReader(this.contacts, tenant, booking.customerPhone),
          booking,
          refund?.amount,
        ),
      );
      await this.record(actor, booking, from, refund);
      await this.events.append([bookingUpdated(booking, 'cancelled')]);
      return { booking, refund };
    });
  }

  /** A refund cannot exceed what the customer paid. */
  private async assertRefundable(booking: Booking, amount: string | undefined): Promise<void> {
    if (!amount) return;
    const paid = await this.payments.totalFor(booking.tenantId, booking.id);
    if (toCents(amount) > toCents(paid))
      throw new BusinessRuleError(
        'REFUND_EXCEEDS_PAID',
        `A refund of ${amount} ${booking.currency} exceeds the ${fromCents(toCents(paid))} ${booking.currency} paid for ${booking.ref}`,
        { ref: booking.ref, paid, refundAmount: amount },
      );
  }

  private async record(actor: Actor, booking: Booking, from: string, refund?: Refund): Promise<void> {
    const at = {
      tenantId: booking.tenantId,
      entityType: 'booking' as const,
      entityId: booking.id,
      actor: actorLabel(actor),
    };
    const facts = { bookingRef: booking.ref, reason: booking.cancellationReason };
    await this.timeline.add({
      ...at,
      source: actor.source,
      eventType: 'STATUS_CHANGE',
      content: { action: 'BOOKING_CANCELLED', from, to: 'cancelled', ...facts },
    });
    if (refund)
      await this.timeline.add({
        ...at,
        source: actor.source,
        eventType: 'SYSTEM',
        content: { action: 'REFUND_RECORDED', amount: refund.amount, currency: refund.currency, ...facts },
      });
    await this.audit.record({
      ...at,
      action: 'BOOKING_CANCELLED',
      details: { ...facts, from, refundAmount: refund?.amount ?? null },
    });
  }
}
