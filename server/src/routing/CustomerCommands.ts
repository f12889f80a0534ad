import { inject, injectable } from 'inversify';
import type { AuditLog } from '../modules/audit/domain/AuditLog';
import type { FindCustomerBookings } from '../modules/booking/application/FindCustomerBookings';
import type { RequestCancellation } from '../modules/booking/application/RequestCancellation';
import type { SendPaymentLink } from '../modules/booking/application/SendPaymentLink';
import { actorLabel, type Actor } from '../modules/identity/domain/Actor';
import type { AppendToLead } from '../modules/lead/application/AppendToLead';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';
import type { SetConsent } from '../modules/optin/application/SetConsent';
import { TYPES } from '../types';
import type { CustomerIntent } from './parse/parseCustomerIntent';
import type { Replies } from './replies';

/** SPEC §6's customer rows other than enquiries: STOP/START, bookings, payment, cancellation, staff commands. */
@injectable()
export class CustomerCommands {
  constructor(
    @inject(TYPES.SetConsent) private readonly setConsent: SetConsent,
    @inject(TYPES.FindCustomerBookings) private readonly findBookings: FindCustomerBookings,
    @inject(TYPES.SendPaymentLink) private readonly sendPaymentLink: SendPaymentLink,
    @inject(TYPES.RequestCancellation) private readonly requestCancellation: RequestCancellation,
    @inject(TYPES.AppendToLead) private readonly appendToLeadUseCase: AppendToLead,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  /** The reply text, or undefined when the action's own message is the answer. */
  async answer(
    actor: Actor,
    intent: CustomerIntent,
    m: RoutableMessage,
    replies: Replies,
  ): Promise<string | undefined> {
    const { tenantId } = actor;
    switch (intent.kind) {
      case 'enquiry':
        return undefined;
      case 'opt_out':
      case 'opt_in': {
        const status = intent.kind === 'opt_out' ? 'opted_out' : 'opted_in';
        await this.setConsent.execute({ actor, phone: m.customerPhone, status, source: 'whatsapp' });
        return status === 'opted_out' ? replies.optedOut : replies.optedIn;
      }
      case 'staff_command':
        await this.audit.record({
          tenantId,
          actor: actorLabel(actor),
          action: 'PERMISSION_DENIED',
          details: { command: intent.keyword, role: 'customer' },
        });
        return replies.customerStaffCommand;
      case 'booking_status': {
        const bookings = await this.findBookings.execute({
          tenantId,
          customerPhone: m.customerPhone,
          bookingRef: intent.bookingRef,
        });
        return bookings.length ? replies.bookings(bookings) : replies.noBooking;
      }
      case 'payment': {
        const result = await this.sendPaymentLink.execute({ actor });
        return result.sent ? undefined : replies.repWillSend;
      }
      case 'cancel_request': {
        const result = await this.requestCancellation.execute({ actor, bookingRef: intent.bookingRef });
        if (result.outcome === 'not_found') return replies.noBooking;
        if (result.outcome === 'already_cancelled') return replies.alreadyCancelled(result.booking.ref);
        return replies.cancellationRequested(result.booking.ref);
      }
    }
  }

  /** Messages of customers whose conversation is bound to a lead: on that lead's timeline. */
  async appendToLead(messages: RoutableMessage[]): Promise<void> {
    await this.appendToLeadUseCase.executeAll(
      messages.map((m) => ({
        tenantId: m.tenantId,
        lead: m.conversation.context.leadId as string,
        messageId: m.messageId,
        text: m.event.text ?? `[${m.event.type}]`,
        source: 'WHATSAPP' as const,
      })),
    );
  }
}
