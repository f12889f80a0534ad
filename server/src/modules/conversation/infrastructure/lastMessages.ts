import type { Database } from '../../../shared/db/Database';

export interface LastMessage {
  text?: string;
  type: string;
  direction: 'INBOUND' | 'OUTBOUND';
  at: Date;
  status: string;
}

/**
 * The latest message of each conversation: one probe of (conversation_id, created_at, id) each. A
 * reply queued in the transaction that recorded the customer's message has the same created_at
 * (the transaction's time); the reply is the later of the two.
 */
export async function lastMessages(
  db: Database,
  conversationIds: string[],
): Promise<Map<string, LastMessage>> {
  if (!conversationIds.length) return new Map();
  const { rows } = await db.q.raw<{
    rows: Array<{
      conversation_id: string;
      text: string | null;
      type: string;
      direction: LastMessage['direction'];
      created_at: Date;
      status: string;
    }>;
  }>(
    `SELECT c.id AS conversation_id, m.text, m.type, m.direction, m.created_at, m.status
       FROM unnest(?::uuid[]) AS c(id)
       CROSS JOIN LATERAL (
         SELECT content->>'text' AS text, type, direction, created_at, status FROM whatsapp_messages
          WHERE conversation_id = c.id
          ORDER BY created_at DESC, direction = 'OUTBOUND' DESC, id DESC LIMIT 1) m`,
    [conversationIds],
  );
  return new Map(
    rows.map((r) => [
      r.conversation_id,
      { text: r.text ?? undefined, type: r.type, direction: r.direction, at: r.created_at, status: r.status },
    ]),
  );
}
