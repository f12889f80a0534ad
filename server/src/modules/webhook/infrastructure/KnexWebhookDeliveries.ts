import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { eventsAfter } from '../../events/infrastructure/eventQueries';
import type { StoredEvent } from '../../events/domain/DomainEvent';
import { giveUpPending, type SubscriptionRow } from './KnexWebhookSubscriptions';

export interface DeliveryAttempt {
  id: string;
  attempts: number;
  createdAt: Date;
}

/** The delivery worker's rows: claims of subscriptions under a lease, one delivery row per event. */
@injectable()
export class KnexWebhookDeliveries {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /** An active subscription with an event waiting and no other worker on it, leased to this one. */
  async claim(now: Date, leaseUntil: Date): Promise<SubscriptionRow | undefined> {
    const { rows } = await this.db.q.raw<{ rows: SubscriptionRow[] }>(
      `UPDATE webhook_subscriptions SET leased_until = ?
        WHERE id = (
          SELECT s.id FROM webhook_subscriptions s
           WHERE s.status = 'active' AND s.next_attempt_at <= ? AND (s.leased_until IS NULL OR s.leased_until < ?)
             AND EXISTS (SELECT 1 FROM events e
                          WHERE e.tenant_id = s.tenant_id AND e.id > s.last_event_id AND e.type = ANY (s.events))
           ORDER BY s.next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [leaseUntil, now, now],
    );
    return rows[0];
  }

  async nextEvent(s: SubscriptionRow): Promise<StoredEvent | undefined> {
    const [event] = await eventsAfter(this.db, s.tenant_id, Number(s.last_event_id), 1, s.events);
    return event;
  }

  /** The event's delivery row (made on its first attempt; its id is the stable `webhook-id`). */
  async attempt(s: SubscriptionRow, event: StoredEvent, now: Date): Promise<DeliveryAttempt> {
    const { rows } = await this.db.q.raw<{ rows: Array<{ id: string; attempts: number; created_at: Date }> }>(
      `INSERT INTO webhook_deliveries (tenant_id, subscription_id, event_id, event_type, created_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (subscription_id, event_id) DO UPDATE SET event_type = EXCLUDED.event_type
       RETURNING id, attempts, created_at`,
      [s.tenant_id, s.id, event.id, event.type, now],
    );
    return { id: rows[0].id, attempts: rows[0].attempts, createdAt: rows[0].created_at };
  }

  /** Records an attempt's outcome; a settled one (delivered or given up) moves the cursor past the event. */
  async settle(
    s: SubscriptionRow,
    event: StoredEvent,
    delivery: DeliveryAttempt,
    outcome: {
      status: 'delivered' | 'failed' | 'pending';
      responseStatus?: number;
      error?: string;
      retryAt?: Date;
    },
    now: Date,
  ): Promise<void> {
    await this.db.run(async () => {
      await this.db
        .q('webhook_deliveries')
        .where({ id: delivery.id })
        .update({
          status: outcome.status,
          attempts: delivery.attempts + 1,
          response_status: outcome.responseStatus ?? null,
          error: outcome.error ?? null,
          last_attempt_at: now,
          next_attempt_at: outcome.retryAt ?? null,
          delivered_at: outcome.status === 'delivered' ? now : null,
        });
      await this.db
        .q('webhook_subscriptions')
        .where({ id: s.id })
        .update({
          ...(outcome.status !== 'pending' && { last_event_id: event.id }),
          ...(outcome.status === 'delivered'
            ? { failing_since: null }
            : { failing_since: this.db.knex.raw('COALESCE(failing_since, ?)', [now]) }),
          next_attempt_at: outcome.retryAt ?? now,
          updated_at: now,
        });
    });
  }

  async release(id: string): Promise<void> {
    await this.db.q('webhook_subscriptions').where({ id }).update({ leased_until: null });
  }

  async disable(s: SubscriptionRow, reason: string, now: Date): Promise<void> {
    await this.db.run(async () => {
      await this.db.q('webhook_subscriptions').where({ id: s.id }).update({
        status: 'disabled',
        disabled_at: now,
        disabled_reason: reason,
        leased_until: null,
        updated_at: now,
      });
      await giveUpPending(this.db, s.id);
    });
  }

  async failingSince(id: string): Promise<Date | undefined> {
    const row = (await this.db.q('webhook_subscriptions').where({ id }).first('failing_since')) as
      { failing_since: Date | null } | undefined;
    return row?.failing_since ?? undefined;
  }

  async managerPhones(tenantId: string): Promise<string[]> {
    const rows = (await this.db
      .q('users')
      .where({ tenant_id: tenantId, role: 'manager', active: true })
      .select('phone')) as Array<{ phone: string }>;
    return rows.map((r) => r.phone);
  }
}
