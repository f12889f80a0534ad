import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Logger } from '../../../shared/logging/createLogger';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { ConversationRepository } from '../../conversation/domain/Conversation';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { NewTimelineEntry, TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type {
  AiContextReader,
  AiHandoff,
  AiRequestQueue,
  ClaimedAiRequest,
  HandoffReason,
} from '../domain/AiRequest';
import { aiPrompt } from '../domain/aiPrompt';
import { ChatCompletionError, type ChatCompletions } from '../domain/ChatCompletions';

const LEASE_MS = 60_000;
/** A request claimed this often without settling (its worker died mid-call) goes to a person. */
const MAX_ATTEMPTS = 2;

export type AiOutcome = 'answered' | 'handed_off' | 'superseded';

/**
 * The AI step of SPEC §23, after the routing transaction committed: the customer's context is read
 * and the AI called with no transaction open (10 s at most); then, in one short transaction, the
 * request is settled once and either the reply is queued (`origin: "ai"`, on the timeline) or the
 * customer is handed to a person (lead path, rep alerted).
 */
@injectable()
export class AnswerWithAi {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.AiRequestQueue) private readonly queue: AiRequestQueue,
    @inject(TYPES.AiContextReader) private readonly contexts: AiContextReader,
    @inject(TYPES.ChatCompletions) private readonly ai: ChatCompletions,
    @inject(TYPES.AiHandoff) private readonly handoff: AiHandoff,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** One round: up to `limit` requests, side by side. */
  async execute(limit = 4): Promise<AiOutcome[]> {
    const now = this.clock.now();
    const requests = await this.queue.claim(limit, now, new Date(now.getTime() + LEASE_MS));
    return Promise.all(requests.map((r) => this.answer(r)));
  }

  private async answer(request: ClaimedAiRequest): Promise<AiOutcome> {
    if (request.attempts > MAX_ATTEMPTS) return this.handOff(request, 'abandoned');
    let reply: string;
    try {
      const context = await this.contexts.read(request);
      reply = await this.ai.complete(aiPrompt(context, request.language));
    } catch (error) {
      const timeout = error instanceof ChatCompletionError && error.kind === 'timeout';
      this.logger.warn(
        {
          tenantId: request.tenantId,
          conversationId: request.conversationId,
          reason: (error as Error).message,
        },
        'the AI did not answer: handed to a person',
      );
      return this.handOff(request, timeout ? 'ai_timeout' : 'ai_error');
    }
    return this.unitOfWork.run(async () => {
      if (!(await this.queue.finish(request, 'answered', 'answered'))) return 'superseded';
      const messageId = await this.outbound.enqueue({
        tenantId: request.tenantId,
        to: request.customerPhone,
        purpose: 'reply',
        text: reply,
        conversationId: request.conversationId,
        replyToProviderId: request.providerMessageId,
        origin: 'ai',
        context: { origin: 'ai' },
      });
      await this.timeline.addAll(await this.entries(request, messageId, reply));
      return 'answered';
    });
  }

  private handOff(request: ClaimedAiRequest, reason: HandoffReason): Promise<AiOutcome> {
    return this.unitOfWork.run(async () => {
      if (!(await this.queue.finish(request, 'handed_off', reason))) return 'superseded';
      await this.handoff.handOff(request, reason);
      return 'handed_off';
    });
  }

  /** On the conversation's timeline, and its lead's when it has one. */
  private async entries(
    request: ClaimedAiRequest,
    messageId: string,
    text: string,
  ): Promise<NewTimelineEntry[]> {
    const conversation = await this.conversations.findById(request.tenantId, request.conversationId);
    const leadId = conversation?.context.leadId;
    const entry = {
      tenantId: request.tenantId,
      eventType: 'MESSAGE' as const,
      source: 'SYSTEM' as const,
      actor: 'ai',
      content: { action: 'AI_REPLY', origin: 'ai', messageId, inReplyTo: request.messageId, text },
    };
    return [
      { ...entry, entityType: 'conversation', entityId: request.conversationId },
      ...(typeof leadId === 'string' ? [{ ...entry, entityType: 'lead' as const, entityId: leadId }] : []),
    ];
  }
}
