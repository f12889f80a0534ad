import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import {
  normalShortcut,
  quickReplyProblems,
  shortcutTaken,
  type QuickReplies,
  type QuickReply,
  type QuickReplyInput,
} from '../domain/QuickReply';

function checked<T extends Partial<QuickReplyInput>>(input: T): T {
  const problems = quickReplyProblems(input);
  if (problems.length) throw new ValidationError('Invalid quick reply', problems);
  return {
    ...input,
    ...(input.shortcut !== undefined && { shortcut: normalShortcut(input.shortcut) }),
  };
}

/**
 * The tenant's quick replies, shared by everyone who answers conversations (sales, operations,
 * managers): each change is audited with who made it.
 */
@injectable()
export class ManageQuickReplies {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.QuickReplies) private readonly replies: QuickReplies,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async create(actor: Actor, input: QuickReplyInput): Promise<QuickReply> {
    assertAllowed(actor, 'manage_conversations');
    const reply = checked(input);
    return this.db.run(async () => {
      const created = await this.replies.create(actor.tenantId, reply, actorLabel(actor));
      if (!created) throw shortcutTaken(reply.shortcut);
      await this.record(actor, 'QUICK_REPLY_CREATED', created);
      return created;
    });
  }

  async update(actor: Actor, id: string, changes: Partial<QuickReplyInput>): Promise<QuickReply> {
    assertAllowed(actor, 'manage_conversations');
    const change = checked(changes);
    return this.db.run(async () => {
      const updated = await this.replies.update(actor.tenantId, id, change, actorLabel(actor));
      if (!updated) throw new NotFoundError('quick reply', id);
      await this.record(actor, 'QUICK_REPLY_UPDATED', updated);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    assertAllowed(actor, 'manage_conversations');
    await this.db.run(async () => {
      const removed = await this.replies.remove(actor.tenantId, id);
      if (!removed) throw new NotFoundError('quick reply', id);
      await this.record(actor, 'QUICK_REPLY_DELETED', removed);
    });
  }

  private record(actor: Actor, action: string, reply: QuickReply) {
    return this.audit.record({
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action,
      entityType: 'quick_reply',
      entityId: reply.id,
      details: { shortcut: reply.shortcut },
    });
  }
}
