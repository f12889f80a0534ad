import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { AWAY_INTERVAL_MS, type AutoReplyMemory } from '../domain/AutoReplyMemory';

@injectable()
export class KnexAutoReplyMemory implements AutoReplyMemory {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /** One upsert: a conversation's row is written (and returned) only if its last away message is 12 hours old. */
  async claimAway(tenantId: string, conversationIds: string[], now: Date): Promise<Set<string>> {
    if (!conversationIds.length) return new Set();
    const due = new Date(now.getTime() - AWAY_INTERVAL_MS).toISOString();
    const { rows } = await this.db.q.raw<{ rows: Array<{ conversation_id: string }> }>(
      `INSERT INTO auto_responder_away_sent (tenant_id, conversation_id, sent_at)
       SELECT ?::uuid, c, ?::timestamptz FROM unnest(?::uuid[]) AS c
       ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET sent_at = EXCLUDED.sent_at
        WHERE auto_responder_away_sent.sent_at <= ?::timestamptz
       RETURNING conversation_id`,
      [tenantId, now.toISOString(), conversationIds, due],
    );
    return new Set(rows.map((r) => r.conversation_id));
  }

  async firstTimers(
    tenantId: string,
    messages: Array<{ phone: string; messageId: string }>,
  ): Promise<Set<string>> {
    if (!messages.length) return new Set();
    const { rows } = await this.db.q.raw<{ rows: Array<{ phone: string }> }>(
      `SELECT m.phone FROM unnest(?::text[], ?::uuid[]) AS m(phone, message_id)
        WHERE NOT EXISTS (SELECT 1 FROM whatsapp_messages w
                           WHERE w.tenant_id = ?::uuid AND w.direction = 'INBOUND'
                             AND w.customer_phone = m.phone AND w.id <> m.message_id)`,
      [messages.map((m) => m.phone), messages.map((m) => m.messageId), tenantId],
    );
    return new Set(rows.map((r) => r.phone));
  }
}
