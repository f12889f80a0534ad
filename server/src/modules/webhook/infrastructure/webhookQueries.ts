import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { WebhookSubscription } from '../domain/WebhookSubscription';
import { toSubscription, type SubscriptionRow } from './KnexWebhookSubscriptions';

export async function listSubscriptions(
  db: Database,
  tenantId: string,
  page: PageRequest,
): Promise<Page<WebhookSubscription>> {
  const query = db.q('webhook_subscriptions').where({ tenant_id: tenantId }).select('*');
  const { rows, nextCursor } = await keysetPage<SubscriptionRow>(db, query, page);
  return { data: rows.map(toSubscription), nextCursor };
}

interface DeliveryRow {
  id: string;
  event_id: number;
  event_type: string;
  status: string;
  attempts: number;
  response_status: number | null;
  error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export async function listDeliveries(
  db: Database,
  tenantId: string,
  subscriptionId: string,
  page: PageRequest,
) {
  const query = db
    .q('webhook_deliveries')
    .where({ tenant_id: tenantId, subscription_id: subscriptionId })
    .select('*');
  const { rows, nextCursor } = await keysetPage<DeliveryRow>(db, query, page);
  return {
    data: rows.map((r) => ({
      id: r.id,
      eventId: String(r.event_id),
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
      responseStatus: r.response_status,
      error: r.error,
      lastAttemptAt: r.last_attempt_at,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
    })),
    nextCursor,
  };
}
