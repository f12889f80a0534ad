import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { ConflictError, NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { bookingUpdated } from '../domain/bookingEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { NewTimelineEntry, TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Booking } from '../domain/Booking';
import type { BookingRepository } from '../domain/BookingRepository';
import { parseAmount, parseCurrency, toCents } from '../domain/Money';
import type { Payment, PaymentProvider, PaymentRepository } from '../domain/Payment';
import { requiredText } from '../domain/requiredText';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

/** Who records the payment: a staff member (REST), or a payment provider's confirmed webhook. */
export type PaymentRecorder =
  { actor: Actor } | { tenantId: string; provider: PaymentProvider; providerPaymentId: string };

export type RecordPaymentInput = PaymentRecorder & {
  /** uuid or ref (`BK-12`) */
  bookingId: string;
  amount: string | number;
  currency: string;
  reference: string;
};

export interface RecordPaymentOutput {
  payment: Payment;
  booking: Booking;
  /** False when this reference (or provider payment) was already recorded: nothing else happened. */
  created: boolean;
}

/**
 * `POST /bookings/:id/payments`, or a provider's payment webhook: once payments cover the amount
 * the booking is confirmed. A provider's payment is recorded once per provider payment id.
 */
@injectable()
export class RecordPayment {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.BookingRepository) private readonly bookings: BookingRepository,
    @inject(TYPES.PaymentRepository) private readonly payments: PaymentRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: RecordPaymentInput): Promise<RecordPaymentOutput> {
    if ('actor' in input) assertAllowed(input.actor, 'record_payment');
    const tenantId = 'actor' in input ? input.actor.tenantId : input.tenantId;
    const [amount, currency] = [parseAmount(input.amount), parseCurrency(input.currency)];
    const reference = requiredText(input.reference, 'reference', 200);
    return this.unitOfWork.run(async () => {
      const booking = await this.bookings.findById(tenantId, input.bookingId, { forUpdate: true });
      if (!booking) throw new NotFoundError('booking', input.bookingId);
      const existing = await this.existing(input, booking, reference);
      if (existing) return { payment: sameAs(existing, amount, currency), booking, created: false };
      booking.assertAcceptsPayment(currency);
      const { payment, created } = await this.payments.add({
        tenantId,
        bookingId: booking.id,
        amount,
        currency,
        reference,
        recordedBy: 'actor' in input ? input.actor.userId : undefined,
        ...('provider' in input
          ? { provider: input.provider, providerPaymentId: input.providerPaymentId }
          : {}),
      });
      const at = {
        tenantId,
        entityType: 'booking' as const,
        entityId: booking.id,
        actor: recorderLabel(input),
      };
      const who = { ...at, source: 'actor' in input ? input.actor.source : ('SYSTEM' as const) };
      const facts = { bookingRef: booking.ref, amount, currency, reference };
      await this.timeline.add({
        ...who,
        eventType: 'SYSTEM',
        content: { action: 'PAYMENT_RECEIVED', ...facts },
      });
      const paid = await this.payments.totalFor(tenantId, booking.id);
      if (booking.status === 'pending_payment' && toCents(paid) >= toCents(booking.amount))
        await this.confirm(booking, who, paid);
      await this.events.append([bookingUpdated(booking, 'payment_recorded')]);
      await this.audit.record({ ...at, action: 'PAYMENT_RECORDED', details: { ...facts, paid } });
      return { payment, booking, created };
    });
  }

  /** The same provider payment, or the same reference on this booking, recorded before. */
  private async existing(input: RecordPaymentInput, booking: Booking, reference: string) {
    if ('provider' in input) {
      const known = await this.payments.findByProviderId(
        booking.tenantId,
        input.provider,
        input.providerPaymentId,
      );
      if (known) return known;
    }
    return this.payments.findByReference(booking.tenantId, booking.id, reference);
  }

  private async confirm(booking: Booking, who: TimelineContext, paid: string): Promise<void> {
    booking.confirm(this.clock.now());
    await this.bookings.save(booking);
    const content = { action: 'BOOKING_CONFIRMED', from: 'pending_payment', to: 'confirmed', paid };
    await this.timeline.add({ ...who, eventType: 'STATUS_CHANGE', content });
    const tenant = await requireTenant(this.tenants, booking.tenantId);
    const trip = booking.tripId ? await this.bookings.findTripById(tenant.id, booking.tripId) : undefined;
    await this.outbound.enqueue(
      customerNotifications.bookingConfirmed(
        await customerReader(this.contacts, tenant, booking.customerPhone),
        booking,
        trip,
      ),
    );
  }
}

type TimelineContext = Omit<NewTimelineEntry, 'eventType' | 'content'>;

/** How the recorder is written in timelines and the audit log (`provider:mercadopago`). */
const recorderLabel = (input: PaymentRecorder) =>
  'actor' in input ? actorLabel(input.actor) : `provider:${input.provider}`;

/** Recording a reference again is a retry; recording it with other money is a mistake to surface. */
function sameAs(existing: Payment, amount: string, currency: string): Payment {
  if (existing.amount !== amount || existing.currency !== currency)
    throw new ConflictError(
      'PAYMENT_REFERENCE_REUSED',
      `Payment ${existing.reference} was already recorded as ${existing.amount} ${existing.currency}`,
    );
  return existing;
}
