import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { ConflictError, NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { OutboundRows } from '../../../whatsapp/outbound/dispatch/OutboundRows';
import { OutboundWakeUps } from '../../../whatsapp/outbound/dispatch/OutboundWakeUps';
import { SendabilityCheck } from '../../../whatsapp/outbound/dispatch/SendabilityCheck';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
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
    @inject(OutboundRows) private readonly rows: OutboundRows,
    @inject(SendabilityCheck) private readonly check: SendabilityCheck,
    @inject(OutboundWakeUps) private readonly wakeUps: OutboundWakeUps,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, messageId: string): Promise<QueuedMessage> {
    assertAllowed(actor, 'manage_conversations');
    const queued = await this.db.run(async () => {
      const message = await this.rows.lockOne(actor.tenantId, messageId);
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
      await this.rows.resend(message.id, this.clock.now());
      await this.audit.record(messageAudit(actor, 'MESSAGE_RETRIED', message.id, message.type));
      return { id: message.id, to: message.to, type: message.type, status: 'queued' as const };
    });
    this.wakeUps.queued();
    return queued;
  }
}
