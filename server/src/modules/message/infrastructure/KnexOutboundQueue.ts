import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { OutboundWakeUps } from '../../../whatsapp/outbound/dispatch/OutboundWakeUps';
import type { OutboundQueue, OutboundRequest } from '../domain/OutboundRequest';

/**
 * Queues outbound messages as `whatsapp_messages` rows (status `queued`) in the caller's
 * transaction; the OutboundDispatcher claims and sends them (docs/decisions/0012).
 */
@injectable()
export class KnexOutboundQueue implements OutboundQueue {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(OutboundWakeUps) private readonly wakeUps: OutboundWakeUps,
  ) {}

  async enqueue(r: OutboundRequest): Promise<string> {
    if (!r.text && !r.template && !r.media)
      throw new Error('an outbound message needs text, a template or media');
    const conversationId = r.conversationId ?? (await this.activeConversation(r.tenantId, r.to));
    const [row] = await this.db
      .q('whatsapp_messages')
      .insert({
        tenant_id: r.tenantId,
        conversation_id: conversationId ?? null,
        direction: 'OUTBOUND',
        type: r.media ? r.media.mediaType : r.text ? 'text' : 'template',
        customer_phone: r.to,
        content: JSON.stringify({
          purpose: r.purpose,
          text: r.text,
          template: r.template,
          media: r.media,
          replyToProviderId: r.replyToProviderId,
          context: r.context,
        }),
        status: 'queued',
        status_history: JSON.stringify([]),
        available_at: this.clock.now(),
      })
      .returning('id');
    this.wakeUps.queued();
    return (row as { id: string }).id;
  }

  private async activeConversation(tenantId: string, phone: string): Promise<string | undefined> {
    const row = await this.db
      .q('whatsapp_conversations')
      .where({ tenant_id: tenantId, customer_phone: phone, status: 'active' })
      .first('id');
    return (row as { id: string } | undefined)?.id;
  }
}
