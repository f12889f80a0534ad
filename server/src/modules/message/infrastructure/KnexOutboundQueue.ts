import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { OutboundQueue, OutboundRequest } from '../domain/OutboundRequest';

@injectable()
export class KnexOutboundQueue implements OutboundQueue {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async enqueue(r: OutboundRequest): Promise<string> {
    if (!r.text && !r.template) throw new Error('an outbound message needs text or a template');
    const conversationId = r.conversationId ?? (await this.activeConversation(r.tenantId, r.to));
    const [row] = await this.db
      .q('whatsapp_messages')
      .insert({
        tenant_id: r.tenantId,
        conversation_id: conversationId ?? null,
        direction: 'OUTBOUND',
        type: r.text ? 'text' : 'template',
        customer_phone: r.to,
        content: JSON.stringify({
          purpose: r.purpose,
          text: r.text,
          template: r.template,
          replyToProviderId: r.replyToProviderId,
          context: r.context,
        }),
        status: 'queued',
        status_history: JSON.stringify([]),
        available_at: this.db.knex.fn.now(),
      })
      .returning('id');
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
