import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type {
  NewSubscription,
  SubscriptionChanges,
  WebhookSubscription,
} from '../domain/WebhookSubscription';

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

  /**
   * Applies a manager's changes. Turned off, its pending deliveries are given up; turned back on,
   * it starts after the tenant's last event, with no failures behind it.
   */
  async update(
    tenantId: string,
    id: string,
    changes: SubscriptionChanges,
  ): Promise<WebhookSubscription | undefined> {
    const raw = (sql: string) => this.db.knex.raw(sql);
    const wasDisabled = (then: string, otherwise: string) =>
      raw(`CASE WHEN status = 'disabled' THEN ${then} ELSE ${otherwise} END`);
    const status =
      changes.status === 'disabled'
        ? {
            status: 'disabled',
            disabled_at: wasDisabled('disabled_at', 'now()'),
            disabled_reason: wasDisabled('disabled_reason', `'disabled by a manager'`),
            leased_until: null,
          }
        : changes.status === 'active'
          ? {
              status: 'active',
              last_event_id: wasDisabled(
                'COALESCE((SELECT e.last_id FROM event_sequences e WHERE e.tenant_id = webhook_subscriptions.tenant_id), 0)',
                'last_event_id',
              ),
              next_attempt_at: wasDisabled(`'-infinity'`, 'next_attempt_at'),
              failing_since: wasDisabled('NULL', 'failing_since'),
              disabled_at: null,
              disabled_reason: null,
            }
          : {};
    const [row] = (await this.db
      .q('webhook_subscriptions')
      .where({ tenant_id: tenantId, id })
      .update({
        ...(changes.url !== undefined && { url: changes.url }),
        ...(changes.events !== undefined && { events: this.db.knex.raw('?::text[]', [changes.events]) }),
        ...status,
        updated_at: this.db.knex.fn.now(),
      })
      .returning('*')) as SubscriptionRow[];
    if (row && changes.status === 'disabled') await giveUpPending(this.db, row.id);
    return row && toSubscription(row);
  }

  async find(tenantId: string, id: string): Promise<WebhookSubscription | undefined> {
    const row = await this.db
      .q<SubscriptionRow>('webhook_subscriptions')
      .where({ tenant_id: tenantId, id })
      .first();
    return row && toSubscription(row);
  }
}

/** Deliveries still being retried when a subscription is turned off are given up. */
export async function giveUpPending(db: Database, subscriptionId: string): Promise<void> {
  await db
    .q('webhook_deliveries')
    .where({ subscription_id: subscriptionId, status: 'pending' })
    .update({ status: 'failed', error: 'given up: the subscription was disabled', next_attempt_at: null });
}
