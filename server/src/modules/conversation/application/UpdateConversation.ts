import { inject, injectable } from 'inversify';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { UserRepository } from '../../identity/domain/UserRepository';
import type { MessageRepository } from '../../message/domain/Message';
import type { ReadReceipts } from '../../message/domain/ReadReceipts';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { UsageLimits } from '../../usage/application/UsageLimits';
import type { Conversation, ConversationRepository, HandlingStatus } from '../domain/Conversation';
import { conversationUpdated } from '../domain/conversationEvents';
import { assertStatusChange } from '../domain/statusChange';

export interface UpdateConversationInput {
  actor: Actor;
  conversationId: string;
  /** A staff user to hand it to, or null to unassign. */
  assignedTo?: string | null;
  /** `active` reopens it; the others end it: the customer's next message opens a new conversation. */
  status?: HandlingStatus;
  /** Marks every message read (unread count back to 0) and sends the customer the read receipt. */
  read?: boolean;
}

const HANDLERS = ['sales', 'operations', 'manager'];

/** `PATCH /conversations/:id`: staff assign, close, archive, mark as spam, reopen or read a conversation. */
@injectable()
export class UpdateConversation {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
    @inject(TYPES.ReadReceipts) private readonly readReceipts: ReadReceipts,
    @inject(TYPES.UsageLimits) private readonly usage: UsageLimits,
  ) {}

  async execute(input: UpdateConversationInput): Promise<Conversation> {
    const { actor } = input;
    assertAllowed(actor, 'manage_conversations');
    const updated = await this.unitOfWork.run(async () => {
      const conversation = await this.conversations.findById(actor.tenantId, input.conversationId);
      if (!conversation) throw new NotFoundError('conversation', input.conversationId);
      if (input.status) await this.assertStatusChange(conversation, input.status);
      if (input.assignedTo) await this.assertHandler(actor.tenantId, input.assignedTo);
      if (input.assignedTo)
        await this.usage.assertResponder(actor.tenantId, input.assignedTo, conversation.id);
      const changes = {
        assignedTo: input.assignedTo,
        status: input.status,
        unreadCount: input.read ? (0 as const) : undefined,
      };
      await this.conversations.updateHandling(actor.tenantId, conversation.id, changes);
      await this.record(actor, conversation.id, input);
      const after = (await this.conversations.findById(actor.tenantId, conversation.id))!;
      const changed = Object.entries(changes).flatMap(([k, v]) => (v === undefined ? [] : [k]));
      await this.events.append([conversationUpdated(after, changed)]);
      return after;
    });
    if (input.read) await this.sendReadReceipt(updated);
    return updated;
  }

  private async assertStatusChange(conversation: Conversation, status: HandlingStatus): Promise<void> {
    assertStatusChange(conversation.status, status);
    if (status !== 'active') return;
    const open = await this.conversations.findActiveByCustomer(
      conversation.tenantId,
      conversation.customerPhone,
    );
    if (open)
      throw new ConflictError('CONVERSATION_ALREADY_OPEN', 'The customer has another open conversation', {
        conversationId: open.id,
      });
  }

  private async record(actor: Actor, conversationId: string, input: UpdateConversationInput): Promise<void> {
    const facts = { assignedTo: input.assignedTo, status: input.status, read: input.read };
    const who = { tenantId: actor.tenantId, actor: actorLabel(actor) };
    if (input.assignedTo !== undefined || input.status)
      await this.timeline.add({
        ...who,
        entityType: 'conversation',
        entityId: conversationId,
        eventType: 'SYSTEM',
        source: actor.source,
        content: { action: 'CONVERSATION_UPDATED', ...facts },
      });
    await this.audit.record({
      ...who,
      action: 'CONVERSATION_UPDATED',
      entityType: 'conversation',
      entityId: conversationId,
      details: facts,
    });
  }

  /** Blue ticks up to the customer's latest message (which covers the ones before it). */
  private async sendReadReceipt(conversation: Conversation): Promise<void> {
    const last = await this.messages.lastInboundProviderId(conversation.tenantId, conversation.id);
    if (last) this.readReceipts.readByStaff(conversation.tenantId, last);
  }

  private async assertHandler(tenantId: string, userId: string): Promise<void> {
    const user = await this.users.findById(tenantId, userId);
    if (!user?.active || !HANDLERS.includes(user.role))
      throw new ValidationError('assignedTo must be an active sales, operations or manager user', [
        { field: 'assignedTo', message: 'not an active sales, operations or manager user of this tenant' },
      ]);
  }
}
