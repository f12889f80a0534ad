import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { BroadcastRepository, NewBroadcast, RecipientStatus } from '../domain/Broadcast';

@injectable()
export class KnexBroadcastRepository implements BroadcastRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(b: NewBroadcast): Promise<string> {
    const [row] = await this.db
      .q('whatsapp_broadcasts')
      .insert({
        tenant_id: b.tenantId,
        template_name: b.template.name,
        template_language: b.template.language,
        params: JSON.stringify(b.template.params),
        trip_id: b.tripId ?? null,
        list_id: b.listId ?? null,
        created_by: b.createdBy,
      })
      .returning('id');
    return (row as { id: string }).id;
  }

  async addRecipient(
    tenantId: string,
    broadcastId: string,
    phone: string,
    status: RecipientStatus,
    messageId?: string,
  ): Promise<void> {
    await this.db.q('whatsapp_broadcast_recipients').insert({
      tenant_id: tenantId,
      broadcast_id: broadcastId,
      phone,
      status,
      message_id: messageId ?? null,
    });
  }
}
