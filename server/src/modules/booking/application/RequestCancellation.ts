import { inject, injectable } from 'inversify';
import { parseRef } from '../../../shared/refs/RefAllocator';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { UserRepository } from '../../identity/domain/UserRepository';
import type { LeadRepository } from '../../lead/domain/LeadRepository';
import type { SalesRepSelector } from '../../lead/domain/SalesRepSelector';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Booking } from '../domain/Booking';
import type { BookingRepository } from '../domain/BookingRepository';
import { alertCustomerRep } from './alertCustomerRep';

export interface RequestCancellationInput {
  /** The customer. */
  actor: Actor;
  /** `BK-12`: only if it is theirs; else their latest booking that is not cancelled. */
  bookingRef?: string;
}

export type RequestCancellationOutput =
  | { outcome: 'requested'; booking: Booking; repsAlerted: number }
  | { outcome: 'already_cancelled'; booking: Booking }
  | { outcome: 'not_found' };

/** A customer's `CANCEL BK-12` (SPEC §22): their rep is alerted; the booking does not change. */
@injectable()
export class RequestCancellation {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.BookingRepository) private readonly bookings: BookingRepository,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.SalesRepSelector) private readonly salesStaff: SalesRepSelector,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, bookingRef }: RequestCancellationInput): Promise<RequestCancellationOutput> {
    assertAllowed(actor, 'request_cancellation');
    const phone = actor.phone ?? '';
    return this.unitOfWork.run(async () => {
      const booking = await this.find(actor.tenantId, phone, bookingRef);
      if (!booking) return { outcome: 'not_found' };
      if (booking.status === 'cancelled') return { outcome: 'already_cancelled', booking };
      const who = actor.name ?? booking.customerName;
      const text = `${who ? `${who} (${phone})` : phone} asks to cancel ${booking.ref} (${booking.status.replace('_', ' ')}). Nothing has changed; cancel it in the console or with POST /api/v1/bookings/${booking.ref}/cancel once agreed.`;
      const repsAlerted = await alertCustomerRep(
        { leads: this.leads, users: this.users, salesStaff: this.salesStaff, outbound: this.outbound },
        { tenantId: actor.tenantId, phone, leadId: booking.leadId, text },
      );
      const at = {
        tenantId: actor.tenantId,
        entityType: 'booking' as const,
        entityId: booking.id,
        actor: actorLabel(actor),
      };
      const content = { action: 'CANCELLATION_REQUESTED', bookingRef: booking.ref };
      await this.timeline.add({ ...at, eventType: 'SYSTEM', source: actor.source, content });
      await this.audit.record({
        ...at,
        action: 'CANCELLATION_REQUESTED',
        details: { bookingRef: booking.ref },
      });
      return { outcome: 'requested', booking, repsAlerted };
    });
  }

  /** Never another customer's booking, whatever ref they type. */
  private async find(tenantId: string, phone: string, bookingRef?: string): Promise<Booking | undefined> {
    if (bookingRef === undefined) return this.bookings.findLatestActiveByCustomer(tenantId, phone);
    const ref = parseRef('BK', bookingRef);
    const booking = ref ? await this.bookings.findById(tenantId, ref) : undefined;
    return booking?.customerPhone === phone ? booking : undefined;
  }
}
