import { inject, injectable } from 'inversify';
import type { EventLog } from '../../../modules/events/domain/EventLog';
import { messageStatusEvents } from '../../../modules/message/domain/messageEvents';
import type { StatusHistoryEntry } from '../../../modules/message/domain/MessageStatus';
import type { UnconfirmedSends } from '../../../modules/message/domain/UnconfirmedSends';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';

interface ConfirmedRow {
  id: string;
  conversation_id: string | null;
  customer_phone: string | null;
  broadcast_id: string | null;
}

/**
 * Confirms a send whose outcome was lost, from a status naming it: the message becomes `sent` with
 * the provider's id (as SentRecorder would have recorded it) and the newest of its unsettled
 * attempts is settled as sent. Only a message still without an outcome qualifies: `unconfirmed`,
 * or `queued` again after an attempt (a timed-out call, or a lost one whose window has passed)
 * and not yet sent again. One statement (and its `message.sent` event), in the caller's transaction.
 */
@injectable()
export class KnexUnconfirmedSends implements UnconfirmedSends {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async confirm(tenantId: string, messageId: string, providerMessageId: string, at: Date): Promise<boolean> {
    const entry: StatusHistoryEntry = {
      status: 'sent',
      at: at.toISOString(),
      applied: true,
      reconciled: true,
    };
    const { rows } = await this.db.q.raw<{ rows: ConfirmedRow[] }>(
      `WITH confirmed AS (
         UPDATE whatsapp_messages
            SET status = 'sent', provider_message_id = ?, sent_at = ?, locked_until = NULL,
                error_code = NULL, error_title = NULL,
                status_history = status_history || ?::jsonb, updated_at = CURRENT_TIMESTAMP
          WHERE id = ? AND tenant_id = ? AND direction = 'OUTBOUND' AND provider_message_id IS NULL
            AND (status = 'unconfirmed' OR (status = 'queued' AND attempts > 0))
         RETURNING id, conversation_id, customer_phone, content->'context'->>'broadcastId' AS broadcast_id
       ), settled AS (
         UPDATE whatsapp_send_attempts SET outcome = 'sent', error_code = NULL
          WHERE id = (SELECT max(a.id) FROM whatsapp_send_attempts a JOIN confirmed c ON c.id = a.message_id
                       WHERE a.outcome IN ('pending', 'retryable'))
       )
       SELECT * FROM confirmed`,
      [providerMessageId, at, JSON.stringify([entry]), messageId, tenantId],
    );
    const [row] = rows;
    if (!row) return false;
    await this.events.append(
      messageStatusEvents(
        {
          id: row.id,
          tenantId,
          conversationId: row.conversation_id ?? undefined,
          customerPhone: row.customer_phone ?? undefined,
          broadcastId: row.broadcast_id ?? undefined,
        },
        'sent',
      ),
    );
    return true;
  }
}
