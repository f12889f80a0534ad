import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { ConflictError, NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { OutboundQueue } from '../domain/OutboundRequest';
import type { Sendability } from '../domain/Sendability';
import { messageAudit } from './messageAudit';
import type { QueuedMessage } from './SendStaffMessage';

/**
 * POST /messages/:id/retry (SPEC §8): a failed outbound message goes again as a new attempt — back
 * in the queue with fresh attempts, its old provider id dropped (a new send gets a new one). The
 * rules are checked first, as for a new send. MESSAGE_RETRIED is audited in the same transaction.
 */
@injectable()
export class RetryMessage {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.OutboundQueue) private readonly queue: OutboundQueue,
    @inject(TYPES.Sendability) private readonly check: Sendability,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, messageId: string): Promise<QueuedMessage> {
    assertAllowed(actor, 'manage_conversations');
    return this.db.run(async () => {
      const message = await this.queue.lockOne(actor.tenantId, messageId);
      if (!message) throw new NotFoundError('message', messageId);
      if (message.status !== 'failed')
        throw new ConflictError(
          'NOT_FAILED',
          `Only a failed message can be retried (this one is ${message.status})`,
          {
            status: message.status,
          },
        );
      await this.check.assertSendable(actor.tenantId, message.to, message.content);
      await this.queue.requeueFailed(message.id);
      await this.audit.record(messageAudit(actor, 'MESSAGE_RETRIED', message.id, message.type));
      return { id: message.id, to: message.to, type: message.type, status: 'queued' as const };
    });
  }
}
