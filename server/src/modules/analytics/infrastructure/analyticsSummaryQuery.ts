import type { Database } from '../../../shared/db/Database';

export interface AnalyticsSummary {
  sent: number;
  delivered: number;
  read: number;
  received: number;
  /** Seconds from a conversation's first inbound message to the first staff message after it. */
  medianFirstResponseSeconds: number | null;
  respondedConversations: number;
  enquiries: number;
  leads: number;
  bookings: number;
}

/**
 * Each statement reads one index range for the tenant and period, never the whole table
 * (migration 0006_rest; checked with EXPLAIN in analyticsApi.test.ts):
 * - sent: whatsapp_messages_outbound_sent_idx (tenant_id, sent_at) INCLUDE (status), partial on OUTBOUND
 * - received: whatsapp_messages_inbound_created_idx (tenant_id, created_at), partial on INBOUND
 * - firstResponse: whatsapp_conversations_tenant_created_idx, then per conversation
 *   whatsapp_messages_conversation_page_idx (conversation_id, created_at, id) for its first
 *   inbound and first staff (`manual`) outbound message
 * - funnel: the (tenant_id, created_at, id) indexes of whatsapp_conversations, leads and bookings,
 *   and users (tenant_id, phone) to leave staff out of the enquiries
 */
export const ANALYTICS_SQL = {
  sent: `SELECT count(*)::int AS sent,
                count(*) FILTER (WHERE status IN ('delivered','read'))::int AS delivered,
                count(*) FILTER (WHERE status = 'read')::int AS read
           FROM whatsapp_messages
          WHERE tenant_id = :tenant AND direction = 'OUTBOUND' AND sent_at IS NOT NULL
            AND sent_at >= :from AND sent_at < :to`,
  received: `SELECT count(*)::int AS received
               FROM whatsapp_messages
              WHERE tenant_id = :tenant AND direction = 'INBOUND' AND created_at >= :from AND created_at < :to`,
  firstResponse: `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.at - i.at))::float8 AS median,
                         count(*)::int AS responded
                    FROM whatsapp_conversations c
                    CROSS JOIN LATERAL (
                      SELECT m.created_at AS at FROM whatsapp_messages m
                       WHERE m.conversation_id = c.id AND m.direction = 'INBOUND'
                       ORDER BY m.created_at LIMIT 1) i
                    CROSS JOIN LATERAL (
                      SELECT m.created_at AS at FROM whatsapp_messages m
                       WHERE m.conversation_id = c.id AND m.direction = 'OUTBOUND'
                         AND m.content->>'purpose' = 'manual' AND m.created_at >= i.at
                       ORDER BY m.created_at LIMIT 1) r
                   WHERE c.tenant_id = :tenant AND c.created_at >= :from AND c.created_at < :to`,
  funnel: `SELECT
             (SELECT count(*) FROM whatsapp_conversations c
               WHERE c.tenant_id = :tenant AND c.created_at >= :from AND c.created_at < :to
                 AND NOT EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = c.tenant_id AND u.phone = c.customer_phone)
             )::int AS enquiries,
             (SELECT count(*) FROM leads
               WHERE tenant_id = :tenant AND created_at >= :from AND created_at < :to)::int AS leads,
             (SELECT count(*) FROM bookings
               WHERE tenant_id = :tenant AND created_at >= :from AND created_at < :to)::int AS bookings`,
} as const;

export async function analyticsSummary(
  db: Database,
  tenantId: string,
  from: Date,
  to: Date,
): Promise<AnalyticsSummary> {
  const bindings = { tenant: tenantId, from: from.toISOString(), to: to.toISOString() };
  const run = async <T>(sql: string) => ((await db.q.raw(sql, bindings)) as { rows: T[] }).rows[0];
  const sent = await run<{ sent: number; delivered: number; read: number }>(ANALYTICS_SQL.sent);
  const { received } = await run<{ received: number }>(ANALYTICS_SQL.received);
  const first = await run<{ median: number | null; responded: number }>(ANALYTICS_SQL.firstResponse);
  const funnel = await run<{ enquiries: number; leads: number; bookings: number }>(ANALYTICS_SQL.funnel);
  return {
    ...sent,
    received,
    medianFirstResponseSeconds: first.median === null ? null : Math.round(Number(first.median)),
    respondedConversations: first.responded,
    ...funnel,
  };
}
