import { inject, injectable } from 'inversify';
import type { AuditLog } from '../modules/audit/domain/AuditLog';
import type { FindCustomerBookings } from '../modules/booking/application/FindCustomerBookings';
import type { RequestCancellation } from '../modules/booking/application/RequestCancellation';
import type { SendPaymentLink } from '../modules/booking/application/SendPaymentLink';
import type { ConversationRepository } from '../modules/conversation/domain/Conversation';
import { actorLabel, type Actor } from '../modules/identity/domain/Actor';
import type { AppendToLead } from '../modules/lead/application/AppendToLead';
import type { CreateLeadFromEnquiry } from '../modules/lead/application/CreateLeadFromEnquiry';
import type { OutboundQueue } from '../modules/message/domain/OutboundRequest';
import type { SetConsent } from '../modules/optin/application/SetConsent';
import { TYPES } from '../types';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';
import { extractLeadDetails } from './parse/extractLeadDetails';
import { parseCustomerIntent, type CustomerIntent } from './parse/parseCustomerIntent';
import type { Replies } from './replies';

export interface CustomerMessage {
  actor: Actor;
  message: RoutableMessage;
}

/** SPEC §6, customer rows. Nothing but the STOP confirmation goes to an opted-out customer. */
@injectable()
export class CustomerMessageHandler {
  constructor(
    @inject(TYPES.SetConsent) private readonly setConsent: SetConsent,
    @inject(TYPES.FindCustomerBookings) private readonly findBookings: FindCustomerBookings,
    @inject(TYPES.SendPaymentLink) private readonly sendPaymentLink: SendPaymentLink,
    @inject(TYPES.RequestCancellation) private readonly requestCancellation: RequestCancellation,
    @inject(TYPES.CreateLeadFromEnquiry) private readonly createLead: CreateLeadFromEnquiry,
    @inject(TYPES.AppendToLead) private readonly appendToLead: AppendToLead,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  /**
   * Messages of one tenant, one per customer. Enquiries and follow-ups (nearly all the traffic) are
   * handled together, set-based; the other intents one by one.
   */
  async handle(messages: CustomerMessage[], repliesOf: (m: RoutableMessage) => Replies): Promise<void> {
    const parsed = messages.map((m) => ({
      ...m,
      intent: parseCustomerIntent(m.message.event.text, m.message.event.reply),
    }));
    const answers = await this.enquire(
      parsed.filter((p) => p.intent.kind === 'enquiry'),
      repliesOf,
    );
    for (const p of parsed)
      if (p.intent.kind !== 'enquiry')
        answers.set(p, await this.answer(p.actor, p.intent, p.message, repliesOf(p.message)));
    await this.outbound.enqueueAll(
      parsed.flatMap((p) => {
        const { actor, message, intent } = p;
        const text = answers.get(p);
        // Only STOP and START change consent, and both are answered; the rest go by the status on arrival.
        const optedOut = intent.kind !== 'opt_in' && message.consent === 'opted_out';
        if (!text || (optedOut && intent.kind !== 'opt_out')) return [];
        return [
          {
            tenantId: actor.tenantId,
            to: message.customerPhone,
            purpose: 'reply' as const,
            text,
            conversationId: message.conversation.id,
            replyToProviderId: message.event.providerMessageId,
            // The dispatcher lets exactly this message through to an opted-out number.
            ...(intent.kind === 'opt_out' ? { context: { stopConfirmation: true } } : {}),
          },
        ];
      }),
    );
  }

  /** The reply text, or undefined when the action's own message is the answer. */
  private async answer(
    actor: Actor,
    intent: Exclude<CustomerIntent, { kind: 'enquiry' }>,
    m: RoutableMessage,
    replies: Replies,
  ): Promise<string | undefined> {
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
      case 'cancel_request': {
        const result = await this.requestCancellation.execute({ actor, bookingRef: intent.bookingRef });
        if (result.outcome === 'not_found') return replies.noBooking;
        if (result.outcome === 'already_cancelled') return replies.alreadyCancelled(result.booking.ref);
        return replies.cancellationRequested(result.booking.ref);
      }
    }
  }

  /**
   * First message: a lead bound to the conversation, answered with its ref; later ones: on the open
   * lead's timeline, unanswered.
   */
  private async enquire(
    enquiries: CustomerMessage[],
    repliesOf: (m: RoutableMessage) => Replies,
  ): Promise<Map<CustomerMessage, string | undefined>> {
    const answers = new Map<CustomerMessage, string | undefined>();
    if (!enquiries.length) return answers;
    const texts = enquiries.map(({ message }) => message.event.text ?? `[${message.event.type}]`);
    const results = await this.createLead.executeAll(
      enquiries.map(({ actor, message }, i) => ({
        tenantId: actor.tenantId,
        customerPhone: message.customerPhone,
        customerName: message.event.from.name,
        text: texts[i],
        ...extractLeadDetails(texts[i]),
        conversationId: message.conversation.id,
        source: 'WHATSAPP' as const,
      })),
    );
    await this.appendToLead.executeAll(
      enquiries.flatMap(({ actor, message }, i) =>
        results[i].created
          ? []
          : [
              {
                tenantId: actor.tenantId,
                lead: results[i].lead,
                messageId: message.messageId,
                text: texts[i],
                source: 'WHATSAPP' as const,
              },
            ],
      ),
    );
    const { tenantId } = enquiries[0].actor;
    await this.conversations.bind(
      tenantId,
      enquiries.flatMap(({ message }, i) => {
        const { lead, created } = results[i];
        if (!created) return [];
        return [
          { id: message.conversation.id, state: 'lead', context: { leadId: lead.id, leadRef: lead.ref } },
        ];
      }),
    );
    enquiries.forEach((e, i) =>
      answers.set(e, results[i].created ? repliesOf(e.message).leadCreated(results[i].lead.ref) : undefined),
    );
    return answers;
  }
}
