import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { NewSubscription, WebhookSubscription } from '../domain/WebhookSubscription';

export interface SubscriptionRow {
  id: string;
  tenant_id: string;
  url: string;
  events: WebhookSubscription['events'];
  secret: string;
  status: WebhookSubscription['status'];
  last_event_id: number;
  failing_since: Date | null;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
}

export const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  tenantId: r.tenant_id,
  url: r.url,
  events: r.events,
  status: r.status,
  lastEventId: Number(r.last_event_id),
  failingSince: r.failing_since ?? undefined,
  disabledAt: r.disabled_at ?? undefined,
  disabledReason: r.disabled_reason ?? undefined,
  createdAt: r.created_at,
});

/** Subscriptions start after the tenant's last event: they receive what happens from now on. */
@injectable()
export class KnexWebhookSubscriptions {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(s: NewSubscription): Promise<WebhookSubscription> {
    const [row] = (
      await this.db.q.raw<{ rows: SubscriptionRow[] }>(
        `INSERT INTO webhook_subscriptions (tenant_id, url, events, secret, created_by, next_attempt_at, last_event_id)
       VALUES (?, ?, ?::text[], ?, ?, '-infinity', COALESCE((SELECT last_id FROM event_sequences WHERE tenant_id = ?), 0))
       RETURNING *`,
        [s.tenantId, s.url, s.events, s.secret, s.createdBy ?? null, s.tenantId],
      )
    ).rows;
    return toSubscription(row);
  }

  async remove(tenantId: string, id: string): Promise<boolean> {
    return (await this.db.q('webhook_subscriptions').where({ tenant_id: tenantId, id }).delete()) > 0;
  }

  async find(tenantId: string, id: string): Promise<WebhookSubscription | undefined> {
    const row = await this.db
      .q<SubscriptionRow>('webhook_subscriptions')
      .where({ tenant_id: tenantId, id })
      .first();
    return row && toSubscription(row);
  }
}
