import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { BusinessRuleError, NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { MessageRepository } from '../../message/domain/Message';
import type { ReadReceipts } from '../../message/domain/ReadReceipts';
import { isWindowOpen, type ConversationRepository } from '../domain/Conversation';

/**
 * `POST /conversations/:id/typing` (SPEC §19): the customer sees that staff are typing (Meta shows
 * it for up to 25 seconds or until the reply arrives). It rides on the customer's latest message,
 * which it also marks read; only while a reply is possible (the 24-hour window).
 */
@injectable()
export class ShowTypingIndicator {
  constructor(
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
    @inject(TYPES.ReadReceipts) private readonly readReceipts: ReadReceipts,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    conversationId,
  }: {
    actor: Actor;
    conversationId: string;
  }): Promise<{ shown: boolean }> {
    assertAllowed(actor, 'manage_conversations');
    const conversation = await this.conversations.findById(actor.tenantId, conversationId);
    if (!conversation) throw new NotFoundError('conversation', conversationId);
    if (!isWindowOpen(conversation, this.clock.now()))
      throw new BusinessRuleError('WINDOW_CLOSED', 'The customer has not written in the last 24 hours');
    const last = await this.messages.lastInboundProviderId(actor.tenantId, conversation.id);
    if (!last) throw new BusinessRuleError('NO_INBOUND_MESSAGE', 'The customer has sent no message here');
    return { shown: await this.readReceipts.typing(actor.tenantId, last) };
  }
}
