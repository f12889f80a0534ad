import { inject, injectable } from 'inversify';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Database } from '../../../shared/db/Database';
import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import { TYPES } from '../../../types';
import { assertStoredUpload } from '../../media/domain/assertStoredUpload';
import type { SendableMediaRepository } from '../../media/domain/sendableMedia';
import { headerMediaId } from '../../template/domain/templateSendParams';
import type { MessageRepository } from '../domain/Message';
import { outboundType, type OutboundContent, type OutboundQueue } from '../domain/OutboundRequest';
import type { ReactionCall } from '../domain/outboundKinds';
import type { Sendability } from '../domain/Sendability';
import { messageAudit } from './messageAudit';
import { staffMessageContent, type StaffMessage } from './staffMessageContent';

export type { StaffMessage } from './staffMessageContent';

export interface QueuedMessage {
  id: string;
  to: string;
  type: string;
  status: 'queued';
}

/**
 * A staff member sends a message (POST /messages): text, an approved template (with its header,
 * body and button values), media, a sticker, an interactive message, a location, contact cards or
 * a reaction. WhatsApp's rules and what the tenant's provider can carry are checked at once, so a
 * send bound to fail is refused with its code rather than queued; otherwise the message is queued
 * for the dispatcher and MESSAGE_QUEUED is audited in the same transaction (the id and type, never
 * the text).
 */
@injectable()
export class SendStaffMessage {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Sendability) private readonly check: Sendability,
    @inject(TYPES.OutboundQueue) private readonly queue: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.SendableMediaRepository) private readonly media: SendableMediaRepository,
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
  ) {}

  async execute(actor: Actor, input: StaffMessage): Promise<QueuedMessage> {
    assertAllowed(actor, 'manage_conversations');
    const to = recipient(input.to);
    const kinds = staffMessageContent(input);
    return this.db.run(async () => {
      const content: OutboundContent = {
        ...kinds,
        ...(input.reaction
          ? { reaction: await this.reactionTarget(actor.tenantId, to, input.reaction) }
          : {}),
      };
      await this.check.assertSendable(actor.tenantId, to, content);
      const mediaField = input.sticker ? 'sticker.id' : 'media.id';
      await assertStoredUpload(this.media, actor.tenantId, content.media?.mediaId, mediaField);
      await assertStoredUpload(
        this.media,
        actor.tenantId,
        headerMediaId(content.template),
        'template.header.id',
      );
      const id = await this.queue.enqueue({
        tenantId: actor.tenantId,
        to,
        ...content,
        context: { sentBy: actor.userId },
      });
      const type = outboundType(content);
      await this.audit.record(messageAudit(actor, 'MESSAGE_QUEUED', id, type));
      return { id, to, type, status: 'queued' as const };
    });
  }

  /** A reaction goes to a message of the same customer that has reached WhatsApp (422 otherwise). */
  private async reactionTarget(
    tenantId: string,
    to: string,
    reaction: { messageId: string; emoji: string },
  ): Promise<ReactionCall> {
    const target = await this.messages.findById(tenantId, reaction.messageId);
    const problem = !target
      ? 'no such message'
      : target.customerPhone !== to
        ? 'is a message of another customer'
        : !target.providerMessageId
          ? 'has not reached WhatsApp yet'
          : undefined;
    if (problem || !target?.providerMessageId)
      throw new BusinessRuleError('REACTION_TARGET', `Cannot react to ${reaction.messageId}: ${problem}`, {
        fields: [{ field: 'reaction.messageId', message: problem }],
      });
    return { ...reaction, providerMessageId: target.providerMessageId };
  }
}

function recipient(to: string): string {
  const phone = PhoneNumber.tryParse(to);
  if (!phone)
    throw new ValidationError('Invalid recipient', [{ field: 'to', message: 'must be an E.164 number' }]);
  return phone.e164;
}
