import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Message, MessageRepository, NewInboundMessage, StatusChange } from '../domain/Message';

interface MessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string | null;
  provider_message_id: string | null;
  direction: Message['direction'];
  type: string;
  customer_phone: string | null;
  content: Record<string, unknown>;
  status: Message['status'];
  status_history: Message['statusHistory'];
  priority: Message['priority'];
  channel: Message['channel'];
  origin?: Message['origin'] | null;
  error_code: string | null;
  error_title: string | null;
  attempts: number;
  sent_at: Date | null;
  created_at: Date;
}

export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  tenantId: r.tenant_id,
  conversationId: r.conversation_id ?? undefined,
  providerMessageId: r.provider_message_id ?? undefined,
  direction: r.direction,
  type: r.type,
  customerPhone: r.customer_phone ?? undefined,
  content: r.content,
  status: r.status,
  statusHistory: r.status_history,
  priority: r.priority,
  channel: r.channel,
  origin: r.origin ?? undefined,
  errorCode: r.error_code ?? undefined,
  errorTitle: r.error_title ?? undefined,
  attempts: r.attempts,
  sentAt: r.sent_at ?? undefined,
  createdAt: r.created_at,
});

@injectable()
export class KnexMessageRepository implements MessageRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async insertInbound(messages: NewInboundMessage[]): Promise<Map<string, string>> {
    if (!messages.length) return new Map();
    const rows = (await this.db
      .q('whatsapp_messages')
      .insert(
        messages.map((m) => ({
          tenant_id: m.tenantId,
          provider_message_id: m.providerMessageId,
          direction: 'INBOUND',
          type: m.type,
          customer_phone: m.customerPhone,
          content: JSON.stringify(m.content),
          status: 'received',
          reply_to_provider_id: m.replyToProviderId ?? null,
          provider_timestamp: m.providerTimestamp,
        })),
      )
      .onConflict(['tenant_id', 'provider_message_id'])
      .ignore()
      .returning(['id', 'provider_message_id'])) as Array<{ id: string; provider_message_id: string }>;
    return new Map(rows.map((r) => [r.provider_message_id, r.id]));
  }

  async findByProviderIdForUpdate(tenantId: string, providerMessageId: string): Promise<Message | undefined> {
    const row = await this.db
      .q<MessageRow>('whatsapp_messages')
      .where({ tenant_id: tenantId, provider_message_id: providerMessageId })
      .forUpdate()
      .first();
    return row && toMessage(row);
  }

  async findIdByProviderId(tenantId: string, providerMessageId: string): Promise<string | undefined> {
    const row = await this.db
      .q('whatsapp_messages')
      .where({ tenant_id: tenantId, provider_message_id: providerMessageId })
      .first('id');
    return (row as { id: string } | undefined)?.id;
  }

  async findById(tenantId: string, id: string): Promise<Message | undefined> {
    const row = await this.db.q<MessageRow>('whatsapp_messages').where({ tenant_id: tenantId, id }).first();
    return row && toMessage(row);
  }

  async applyStatus(messageId: string, c: StatusChange): Promise<void> {
    await this.db
      .q('whatsapp_messages')
      .where({ id: messageId })
      .update({
        status: c.status,
        status_history: JSON.stringify(c.history),
        ...(c.errorCode !== undefined ? { error_code: c.errorCode, error_title: c.errorTitle ?? null } : {}),
        ...(c.sentAt ? { sent_at: this.db.knex.raw('COALESCE(sent_at, ?)', [c.sentAt]) } : {}),
        updated_at: this.db.knex.fn.now(),
      });
  }

  async lastInboundProviderId(tenantId: string, conversationId: string): Promise<string | undefined> {
    const row = (await this.db
      .q('whatsapp_messages')
      .where({ tenant_id: tenantId, conversation_id: conversationId, direction: 'INBOUND' })
      .whereNotNull('provider_message_id')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('provider_message_id')) as { provider_message_id: string } | undefined;
    return row?.provider_message_id;
  }
}
