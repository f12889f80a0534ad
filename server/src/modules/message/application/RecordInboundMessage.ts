import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Clock } from '../../../shared/clock/Clock';
import { customerKeyOf } from '../../../shared/phone/customerKey';
import { TYPES } from '../../../types';
import type { MessageRouter, RoutableMessage } from '../domain/MessageRouter';
import { inRounds } from '../../../shared/batch/inRounds';
import type { InboundMessageEvent } from '../../../shared/channel/InboundEvent';
import type { ConversationRepository } from '../../conversation/domain/Conversation';
import type { MediaRepository } from '../../media/domain/Media';
import { isMediaType } from '../../media/domain/mediaTypes';
import type { OptInRepository } from '../../optin/domain/OptIn';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { MessageRepository } from '../domain/Message';
import { inboundContent } from '../domain/inboundContent';
import type { ReadReceipts } from '../domain/ReadReceipts';
import type { EventLog } from '../../events/domain/EventLog';
import type { ContactRepository } from '../../contact/domain/Contact';
import { detectLanguage } from '../../contact/domain/detectLanguage';
import { messageReceived } from '../domain/messageEvents';

export type InboundOutcome = 'recorded' | 'duplicate';

/**
 * One inbound message, exactly once: the insert on (tenant, provider id) decides whether this
 * delivery is new; everything after it happens only for a new message, in the caller's transaction.
 */
@injectable()
export class RecordInboundMessage {
  constructor(
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.MediaRepository) private readonly media: MediaRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.MessageRouter) private readonly router: MessageRouter,
    @inject(TYPES.ReadReceipts) private readonly readReceipts: ReadReceipts,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
  ) {}

  async execute(tenantId: string, event: InboundMessageEvent): Promise<InboundOutcome> {
    const [outcome] = await this.executeAll(tenantId, [event]);
    return outcome;
  }

  /**
   * Several messages of one tenant, set-based: each round takes at most one message per customer
   * (so a customer's messages are still recorded and routed in order, each seeing what the one
   * before changed) and stores all of them with a few statements.
   */
  async executeAll(tenantId: string, events: InboundMessageEvent[]): Promise<InboundOutcome[]> {
    const recorded = new Set<InboundMessageEvent>();
    const keyed = events.map((event) => ({ event, customerPhone: customerKey(event) }));
    for (const round of inRounds(keyed, (m) => m.customerPhone))
      for (const event of await this.recordRound(tenantId, round)) recorded.add(event);
    return events.map((event) => (recorded.has(event) ? 'recorded' : 'duplicate'));
  }

  /** Messages of distinct customers; returns those that were new. */
  private async recordRound(
    tenantId: string,
    events: Array<{ event: InboundMessageEvent; customerPhone: string }>,
  ): Promise<InboundMessageEvent[]> {
    const ids = await this.messages.insertInbound(
      events.map(({ event, customerPhone }) => ({
        tenantId,
        providerMessageId: event.providerMessageId,
        type: event.type,
        customerPhone,
        content: inboundContent(event),
        replyToProviderId: event.context?.replyToProviderId,
        providerTimestamp: event.timestamp,
      })),
    );
    const fresh = events.flatMap(({ event, customerPhone }) => {
      const messageId = ids.get(event.providerMessageId);
      ids.delete(event.providerMessageId); // the same id twice in a batch: only the first is new
      return messageId ? [{ event, messageId, customerPhone }] : [];
    });
    if (!fresh.length) return [];

    const now = this.clock.now().getTime();
    const conversations = await this.conversations.touchInbound(
      tenantId,
      fresh.map(({ event, messageId, customerPhone }) => ({
        messageId,
        customerPhone,
        customerUserId: event.from.userId,
        customerName: event.from.name,
        at: new Date(Math.min(event.timestamp.getTime(), now)),
      })),
    );
    await this.events.append(
      fresh.map(({ event, messageId, customerPhone }) =>
        messageReceived({
          id: messageId,
          tenantId,
          conversationId: conversations.get(customerPhone)?.id,
          customerPhone,
          customerName: event.from.name,
          type: event.type,
          text: event.text,
          at: event.timestamp,
        }),
      ),
    );
    const languages = await this.contacts.touch(
      tenantId,
      fresh.map(({ event, customerPhone }) => ({
        phone: customerPhone,
        name: event.from.name,
        language: detectLanguage(event.text),
        at: event.timestamp,
      })),
    );
    const consents = await this.optIns.recordFirstContact(
      tenantId,
      fresh.map((m) => m.customerPhone),
    );
    const routable: RoutableMessage[] = [];
    for (const { event, messageId, customerPhone } of fresh) {
      const conversation = conversations.get(customerPhone)!;
      const download = this.config.whatsapp.enableMedia && event.media && isMediaType(event.type);
      // Voice notes are transcribed once downloaded (SPEC §22), when a transcription service is set.
      const transcribe = Boolean(download && this.config.transcription && event.type === 'audio');
      if (download && isMediaType(event.type))
        await this.media.addPending({ tenantId, messageId, type: event.type, ...event.media, transcribe });
      if (event.reaction) await this.recordReaction(tenantId, conversation.id, messageId, event);
      else
        routable.push({
          tenantId,
          messageId,
          customerPhone,
          conversation,
          consent: consents.get(customerPhone)!,
          event,
          customerLanguage: languages.get(customerPhone),
          ...(transcribe ? { awaitsTranscription: true } : {}),
        });
    }
    await this.router.route(routable);
    for (const { event } of routable) this.readReceipts.handled(tenantId, event.providerMessageId);
    return fresh.map((m) => m.event);
  }

  /** Reactions belong to the message they react to; they never open a lead or run a command. */
  private async recordReaction(
    tenantId: string,
    conversationId: string,
    messageId: string,
    event: InboundMessageEvent,
  ) {
    const reaction = event.reaction!;
    const targetId = await this.messages.findIdByProviderId(tenantId, reaction.messageId);
    await this.timeline.add({
      tenantId,
      entityType: 'conversation',
      entityId: conversationId,
      eventType: 'MESSAGE',
      source: 'WHATSAPP',
      actor: event.from.name ?? customerKey(event),
      content: {
        action: reaction.emoji ? 'REACTION_ADDED' : 'REACTION_REMOVED',
        emoji: reaction.emoji ?? null,
        messageId,
        reactsToMessageId: targetId ?? null,
        reactsToProviderId: reaction.messageId,
      },
    });
  }
}

/** The customer's identity: E.164 from the WhatsApp id, or the business-scoped user id without a phone. */
function customerKey(event: InboundMessageEvent): string {
  const key = customerKeyOf(event.from.waId, event.from.userId);
  if (key) return key;
  throw new Error(`message ${event.providerMessageId} has neither a WhatsApp id nor a user id`);
}
