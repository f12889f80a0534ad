import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { MessageStatusEvent } from '../../../shared/channel/InboundEvent';
import type { PendingStatusRepository } from '../domain/PendingStatus';

@injectable()
export class KnexPendingStatusRepository implements PendingStatusRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async park(tenantId: string, event: MessageStatusEvent): Promise<void> {
    await this.db
      .q('whatsapp_pending_statuses')
      .insert({
        tenant_id: tenantId,
        provider_message_id: event.providerMessageId,
        status: event.status,
        occurred_at: event.timestamp,
        message_id: event.messageId ?? null,
        details: JSON.stringify(event),
      })
      .onConflict(['tenant_id', 'provider_message_id', 'status'])
      .ignore();
  }

  async take(tenantId: string, providerMessageId: string): Promise<MessageStatusEvent[]> {
    const rows = await this.db
      .q('whatsapp_pending_statuses')
      .where({ tenant_id: tenantId, provider_message_id: providerMessageId })
      .delete()
      .returning(['details', 'occurred_at']);
    return (rows as Array<{ details: MessageStatusEvent; occurred_at: Date }>)
      .sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime())
      .map((r) => ({ ...r.details, timestamp: new Date(r.details.timestamp) }));
  }
}
