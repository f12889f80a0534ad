import { inject, injectable } from 'inversify';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { UserRepository } from '../../identity/domain/UserRepository';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Conversation, ConversationRepository } from '../domain/Conversation';

export interface UpdateConversationInput {
  actor: Actor;
  conversationId: string;
  /** A staff user to hand it to, or null to unassign. */
  assignedTo?: string | null;
  /** Closing ends it: the customer's next message opens a new conversation. */
  status?: 'closed';
  /** Marks every message read (unread count back to 0). */
  read?: boolean;
}

const HANDLERS = ['sales', 'operations', 'manager'];

/** `PATCH /conversations/:id`: staff assign, close or mark a conversation read. */
@injectable()
export class UpdateConversation {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: UpdateConversationInput): Promise<Conversation> {
    const { actor } = input;
    assertAllowed(actor, 'manage_conversations');
    return this.unitOfWork.run(async () => {
      const conversation = await this.conversations.findById(actor.tenantId, input.conversationId);
      if (!conversation) throw new NotFoundError('conversation', input.conversationId);
      if (input.status === 'closed' && conversation.status !== 'active')
        throw new BusinessRuleError('CONVERSATION_NOT_ACTIVE', `The conversation is ${conversation.status}`);
      if (input.assignedTo) await this.assertHandler(actor.tenantId, input.assignedTo);
      const changes = {
        assignedTo: input.assignedTo,
        status: input.status,
        unreadCount: input.read ? (0 as const) : undefined,
      };
      await this.conversations.updateHandling(actor.tenantId, conversation.id, changes);
      const facts = { assignedTo: input.assignedTo, status: input.status, read: input.read };
      const who = { tenantId: actor.tenantId, actor: actorLabel(actor) };
      if (input.assignedTo !== undefined || input.status)
        await this.timeline.add({
          ...who,
          entityType: 'conversation',
          entityId: conversation.id,
          eventType: 'SYSTEM',
          source: actor.source,
          content: { action: 'CONVERSATION_UPDATED', ...facts },
        });
      await this.audit.record({
        ...who,
        action: 'CONVERSATION_UPDATED',
        entityType: 'conversation',
        entityId: conversation.id,
        details: facts,
      });
      return (await this.conversations.findById(actor.tenantId, conversation.id)) as Conversation;
    });
  }

  private async assertHandler(tenantId: string, userId: string): Promise<void> {
    const user = await this.users.findById(tenantId, userId);
    if (!user?.active || !HANDLERS.includes(user.role))
      throw new ValidationError('assignedTo must be an active sales, operations or manager user', [
        { field: 'assignedTo', message: 'not an active sales, operations or manager user of this tenant' },
      ]);
  }
}
