import crypto from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { RefAllocator } from '../../../shared/refs/RefAllocator';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { leadEvent } from '../../lead/domain/leadEvents';
import { bookingUpdated } from '../domain/bookingEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { Lead } from '../../lead/domain/Lead';
import type { LeadRepository } from '../../lead/domain/LeadRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Booking } from '../domain/Booking';
import type { BookingRepository } from '../domain/BookingRepository';
import { parseAmount, parseCurrency } from '../domain/Money';
import { parsePartySize } from '../domain/partySize';
import { requiredText } from '../domain/requiredText';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

export interface ConvertLeadToBookingInput {
  actor: Actor;
  /** uuid or ref (`LD-4`) */
  leadId: string;
  tripCode: string;
  partySize: number;
  amount: string | number;
  currency: string;
}

/** `POST /leads/:id/convert`: the lead becomes a booking pending payment, and the customer gets the link. */
@injectable()
export class ConvertLeadToBooking {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.BookingRepository) private readonly bookings: BookingRepository,
    @inject(TYPES.RefAllocator) private readonly refs: RefAllocator,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: ConvertLeadToBookingInput): Promise<Booking> {
    const { actor } = input;
    assertAllowed(actor, 'convert_lead');
    const [amount, currency] = [parseAmount(input.amount), parseCurrency(input.currency)];
    const [partySize, tripCode] = [
      parsePartySize(input.partySize),
      requiredText(input.tripCode, 'tripCode', 32),
    ];
    return this.unitOfWork.run(async () => {
      const lead = await this.leads.findById(actor.tenantId, input.leadId, { forUpdate: true });
      if (!lead) throw new NotFoundError('lead', input.leadId);
      lead.moveTo('converted');
      const trip = await this.bookings.findTripByCode(actor.tenantId, tripCode);
      if (!trip) throw new NotFoundError('trip', tripCode);
      const tenant = await requireTenant(this.tenants, actor.tenantId);
      const booking = await this.bookings.create({
        tenantId: tenant.id,
        ref: await this.refs.next(tenant.id, 'BK'),
        leadId: lead.id,
        tripId: trip.id,
        customerPhone: lead.customerPhone,
        customerName: lead.customerName,
        partySize,
        amount,
        currency,
        paymentToken: crypto.randomBytes(16).toString('base64url'),
      });
      await this.leads.save(lead);
      await this.events.append([leadEvent('lead.updated', lead), bookingUpdated(booking, 'created')]);
      await this.outbound.enqueue(
        customerNotifications.paymentLink(
          await customerReader(this.contacts, tenant, booking.customerPhone),
          booking,
          this.config.paymentLinkBaseUrl,
        ),
      );
      await this.record(actor, lead, booking, trip.code);
      return booking;
    });
  }

  /** BOOKING_CREATED on both timelines (the booking's, and the lead's history) and in the audit log. */
  private async record(actor: Actor, lead: Lead, booking: Booking, tripCode: string): Promise<void> {
    const who = { tenantId: actor.tenantId, actor: actorLabel(actor) };
    const facts = { action: 'BOOKING_CREATED', bookingRef: booking.ref, leadRef: lead.ref, tripCode };
    const money = { amount: booking.amount, currency: booking.currency };
    const event = { ...who, eventType: 'SYSTEM' as const, source: actor.source };
    await this.timeline.add({
      ...event,
      entityType: 'booking',
      entityId: booking.id,
      content: { ...facts, ...money },
    });
    await this.timeline.add({ ...event, entityType: 'lead', entityId: lead.id, content: facts });
    const details = { ...facts, ...money, partySize: booking.partySize };
    await this.audit.record({
      ...who,
      action: 'BOOKING_CREATED',
      entityType: 'booking',
      entityId: booking.id,
      details,
    });
  }
}
