import { inject, injectable } from 'inversify';
import type { AuditLog } from '../modules/audit/domain/AuditLog';
import type { FindCustomerBookings } from '../modules/booking/application/FindCustomerBookings';
import type { SendPaymentLink } from '../modules/booking/application/SendPaymentLink';
import type { ConversationRepository } from '../modules/conversation/domain/Conversation';
import { actorLabel, type Actor } from '../modules/identity/domain/Actor';
import type { AppendToLead } from '../modules/lead/application/AppendToLead';
import type { CreateLeadFromEnquiry } from '../modules/lead/application/CreateLeadFromEnquiry';
import type { OutboundQueue } from '../modules/message/domain/OutboundRequest';
import type { SetConsent } from '../modules/optin/application/SetConsent';
import { TYPES } from '../types';
import type { RoutableMessage } from './MessageRouter';
import { extractLeadDetails } from './parse/extractLeadDetails';
import { parseCustomerIntent, type CustomerIntent } from './parse/parseCustomerIntent';
import type { Replies } from './replies';

/** SPEC §6, customer rows. Nothing but the STOP confirmation goes to an opted-out customer. */
@injectable()
export class CustomerMessageHandler {
  constructor(
    @inject(TYPES.SetConsent) private readonly setConsent: SetConsent,
    @inject(TYPES.FindCustomerBookings) private readonly findBookings: FindCustomerBookings,
    @inject(TYPES.SendPaymentLink) private readonly sendPaymentLink: SendPaymentLink,
    @inject(TYPES.CreateLeadFromEnquiry) private readonly createLead: CreateLeadFromEnquiry,
    @inject(TYPES.AppendToLead) private readonly appendToLead: AppendToLead,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async handle(actor: Actor, message: RoutableMessage, replies: Replies): Promise<void> {
    const intent = parseCustomerIntent(message.event.text, message.event.reply);
    const text = await this.answer(actor, intent, message, replies);
    // Only STOP and START change consent, and both are answered; the rest go by the status on arrival.
    const optedOut = intent.kind !== 'opt_in' && message.consent === 'opted_out';
    if (!text || (optedOut && intent.kind !== 'opt_out')) return;
    await this.outbound.enqueue({
      tenantId: actor.tenantId,
      to: message.customerPhone,
      purpose: 'reply',
      text,
      conversationId: message.conversation.id,
      replyToProviderId: message.event.providerMessageId,
      // The dispatcher lets exactly this message through to an opted-out number.
      ...(intent.kind === 'opt_out' ? { context: { stopConfirmation: true } } : {}),
    });
  }

  /** The reply text, or undefined when the action's own message is the answer. */
  private async answer(actor: Actor, intent: CustomerIntent, m: RoutableMessage, replies: Replies) {
    const { tenantId } = actor;
    switch (intent.kind) {
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
      case 'enquiry':
        return this.enquire(actor, m, replies);
    }
  }

  /** First message: a lead bound to the conversation; later ones: on the open lead's timeline. */
  private async enquire(actor: Actor, m: RoutableMessage, replies: Replies): Promise<string | undefined> {
    const text = m.event.text ?? `[${m.event.type}]`;
    const { lead, created } = await this.createLead.execute({
      tenantId: actor.tenantId,
      customerPhone: m.customerPhone,
      customerName: m.event.from.name,
      text,
      ...extractLeadDetails(text),
      conversationId: m.conversation.id,
      source: 'WHATSAPP',
    });
    if (!created) {
      await this.appendToLead.execute({
        tenantId: actor.tenantId,
        lead,
        messageId: m.messageId,
        text,
        source: 'WHATSAPP',
      });
      return undefined;
    }
    await this.conversations.bind(actor.tenantId, m.conversation.id, 'lead', {
      leadId: lead.id,
      leadRef: lead.ref,
    });
    return replies.leadCreated(lead.ref);
  }
}
