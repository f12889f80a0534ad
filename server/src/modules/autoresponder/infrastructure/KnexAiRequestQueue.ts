import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { AiRequestQueue, ClaimedAiRequest, NewAiRequest } from '../domain/AiRequest';

interface Row {
  id: string;
  tenant_id: string;
  message_id: string;
  conversation_id: string;
  customer_phone: string;
  customer_name: string | null;
  language: string | null;
  provider_message_id: string | null;
  attempts: number;
}

/** `auto_responder_ai_requests`: queued in the routing transaction, claimed under a lease by any instance. */
@injectable()
export class KnexAiRequestQueue implements AiRequestQueue {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async enqueue(requests: NewAiRequest[]): Promise<void> {
    if (!requests.length) return;
    await this.db
      .q('auto_responder_ai_requests')
      .insert(
        requests.map((r) => ({
          tenant_id: r.tenantId,
          message_id: r.messageId,
          conversation_id: r.conversationId,
          customer_phone: r.customerPhone,
          customer_name: r.customerName?.slice(0, 200) ?? null,
          language: r.language ?? null,
          provider_message_id: r.providerMessageId ?? null,
        })),
      )
      .onConflict(['tenant_id', 'message_id'])
      .ignore();
  }

  async claim(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedAiRequest[]> {
    const { rows } = await this.db.q.raw<{ rows: Row[] }>(
      `UPDATE auto_responder_ai_requests r
          SET locked_until = ?::timestamptz, attempts = r.attempts + 1
         FROM (SELECT id FROM auto_responder_ai_requests
                WHERE status = 'pending' AND (locked_until IS NULL OR locked_until < ?::timestamptz)
                ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED) due
        WHERE r.id = due.id
        RETURNING r.*`,
      [leaseUntil.toISOString(), now.toISOString(), limit],
    );
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      messageId: r.message_id,
      conversationId: r.conversation_id,
      customerPhone: r.customer_phone,
      customerName: r.customer_name ?? undefined,
      language: r.language ?? undefined,
      providerMessageId: r.provider_message_id ?? undefined,
      attempts: Number(r.attempts),
    }));
  }

  async finish(
    request: ClaimedAiRequest,
    status: 'answered' | 'handed_off',
    outcome: string,
  ): Promise<boolean> {
    const updated = await this.db
      .q('auto_responder_ai_requests')
      .where({ id: request.id, tenant_id: request.tenantId, status: 'pending', attempts: request.attempts })
      .update({ status, outcome, locked_until: null, finished_at: this.db.knex.fn.now() });
    return updated > 0;
  }

  async repliesIn(tenantId: string, conversationIds: string[]): Promise<Map<string, number>> {
    if (!conversationIds.length) return new Map();
    const rows = (await this.db
      .q('auto_responder_ai_requests')
      .where({ tenant_id: tenantId })
      .whereIn('status', ['pending', 'answered'])
      .whereIn('conversation_id', conversationIds)
      .groupBy('conversation_id')
      .select('conversation_id')
      .count({ n: '*' })) as Array<{ conversation_id: string; n: string | number }>;
    return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
  }
}
