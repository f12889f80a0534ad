import { inject, injectable } from 'inversify';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Database } from '../../../shared/db/Database';
import { ValidationError } from '../../../shared/errors/AppError';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import { TYPES } from '../../../types';
import { assertStoredUpload } from '../../media/domain/assertStoredUpload';
import type { SendableMediaRepository } from '../../media/domain/sendableMedia';
import { headerMediaId } from '../../template/domain/templateSendParams';
import type { MediaCall, OutboundContent, OutboundQueue, TemplateCall } from '../domain/OutboundRequest';
import type { Sendability } from '../domain/Sendability';
import { messageAudit } from './messageAudit';

export interface StaffMessage {
  to: string;
  text?: string;
  template?: TemplateCall;
  media?: { id?: string; link?: string; type: MediaCall['mediaType']; caption?: string; filename?: string };
}

export interface QueuedMessage {
  id: string;
  to: string;
  type: string;
  status: 'queued';
}

/**
 * A staff member sends a message (POST /messages): text, an approved template (with its header,
 * body and button values), or media. WhatsApp's rules are checked at once, so a send bound to
 * fail is refused with its code rather than queued; otherwise the message is queued for the
 * dispatcher and MESSAGE_QUEUED is audited in the same transaction (the id and type, never the text).
 */
@injectable()
export class SendStaffMessage {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Sendability) private readonly check: Sendability,
    @inject(TYPES.OutboundQueue) private readonly queue: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.SendableMediaRepository) private readonly media: SendableMediaRepository,
  ) {}

  async execute(actor: Actor, input: StaffMessage): Promise<QueuedMessage> {
    assertAllowed(actor, 'manage_conversations');
    const to = recipient(input.to);
    const content = contentOf(input);
    return this.db.run(async () => {
      await this.check.assertSendable(actor.tenantId, to, content);
      await assertStoredUpload(this.media, actor.tenantId, content.media?.mediaId, 'media.id');
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
      const type = content.media?.mediaType ?? (content.text !== undefined ? 'text' : 'template');
      await this.audit.record(messageAudit(actor, 'MESSAGE_QUEUED', id, type));
      return { id, to, type, status: 'queued' as const };
    });
  }
}

function recipient(to: string): string {
  const phone = PhoneNumber.tryParse(to);
  if (!phone)
    throw new ValidationError('Invalid recipient', [{ field: 'to', message: 'must be an E.164 number' }]);
  return phone.e164;
}

function contentOf(input: StaffMessage): OutboundContent {
  const given = [input.text !== undefined, input.template !== undefined, input.media !== undefined];
  if (given.filter(Boolean).length !== 1)
    throw new ValidationError('Send exactly one of text, template or media', [
      { field: 'text', message: 'exactly one of text, template, media' },
    ]);
  if (input.media && !input.media.id === !input.media.link)
    throw new ValidationError('Media needs an id or a link', [{ field: 'media', message: 'id or link' }]);
  const media = input.media && {
    mediaType: input.media.type,
    mediaId: input.media.id,
    link: input.media.link,
    caption: input.media.caption,
    filename: input.media.filename,
  };
  return { purpose: 'manual', text: input.text, template: input.template, media };
}
