import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { UserRepository } from '../../identity/domain/UserRepository';
import type { LeadRepository } from '../../lead/domain/LeadRepository';
import type { SalesRepSelector } from '../../lead/domain/SalesRepSelector';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Booking } from '../domain/Booking';
import type { BookingRepository } from '../domain/BookingRepository';
import { alertCustomerRep } from './alertCustomerRep';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

export interface SendPaymentLinkInput {
  actor: Actor;
  /** Required for staff (uuid or `BK-12`); a customer always gets their most recent pending booking. */
  bookingId?: string;
}

export type SendPaymentLinkOutput = { sent: true; booking: Booking } | { sent: false; repAlerted: boolean };

/** `POST /bookings/:id/payment-link`, and a customer's `PAY` (SPEC §6). */
@injectable()
export class SendPaymentLink {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.BookingRepository) private readonly bookings: BookingRepository,
    @inject(TYPES.SalesRepSelector) private readonly staff: SalesRepSelector,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: SendPaymentLinkInput): Promise<SendPaymentLinkOutput> {
    const { actor } = input;
    const customer = actor.role === 'customer';
    assertAllowed(actor, customer ? 'get_own_payment_link' : 'send_payment_link');
    const field = customer ? 'phone' : 'bookingId';
    const key = customer ? actor.phone : input.bookingId;
    if (!key) throw new ValidationError(`${field} is required`, [{ field, message: 'required' }]);
    return this.unitOfWork.run(async () => {
      const booking = customer
        ? await this.bookings.findLatestPendingByCustomer(actor.tenantId, key)
        : await this.bookings.findById(actor.tenantId, key);
      if (!booking && !customer) throw new NotFoundError('booking', key);
      if (!booking) return { sent: false, repAlerted: await this.alertSales(actor, key) };
      booking.assertPendingPayment();
      const tenant = await requireTenant(this.tenants, actor.tenantId);
      await this.outbound.enqueue(
        customerNotifications.paymentLink(
          await customerReader(this.contacts, tenant, booking.customerPhone),
          booking,
          this.config.paymentLinkBaseUrl,
        ),
      );
      const at = {
        tenantId: tenant.id,
        entityType: 'booking' as const,
        entityId: booking.id,
        actor: actorLabel(actor),
      };
      const content = { action: 'PAYMENT_LINK_SENT', bookingRef: booking.ref };
      await this.timeline.add({ ...at, eventType: 'SYSTEM', source: actor.source, content });
      await this.audit.record({ ...at, action: 'PAYMENT_LINK_SENT', details: { bookingRef: booking.ref } });
      return { sent: true, booking };
    });
  }

  /** The rep of the customer's latest lead, or every active sales user when there is none. */
  private async alertSales(actor: Actor, phone: string): Promise<boolean> {
    const lead = await this.leads.findLatestByCustomer(actor.tenantId, phone);
    const who = actor.name ?? lead?.customerName;
    const text = `${who ? `${who} (${phone})` : phone} asked how to pay; no pending booking.`;
    const deps = { leads: this.leads, users: this.users, salesStaff: this.staff, outbound: this.outbound };
    return (await alertCustomerRep(deps, { tenantId: actor.tenantId, phone, leadId: lead?.id, text })) > 0;
  }
}
