import { inject, injectable } from 'inversify';
import type { Database } from '../../shared/db/Database';
import type { ProviderName } from '../../shared/providers';
import { TYPES } from '../../types';

export interface ClaimedEvent {
  id: string;
  provider: ProviderName;
  tenantId: string | null;
  payload: unknown;
  attempts: number;
  receivedAt: Date;
}

export const MAX_EVENT_ATTEMPTS = 8;

/**
 * Claims on whatsapp_webhook_events. A claim is a lease (`locked_until`): a worker that dies
 * leaves it to expire and another instance picks the event up. Exactly-once comes from
 * `lockUnprocessed`, which the processing transaction takes first.
 */
@injectable()
export class InboxEvents {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async claim(limit: number, leaseSeconds: number): Promise<ClaimedEvent[]> {
    const { rows } = await this.db.knex.raw(
      `UPDATE whatsapp_webhook_events SET locked_until = now() + make_interval(secs => ?), attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM whatsapp_webhook_events
           WHERE processed_at IS NULL AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
           ORDER BY available_at, received_at
           LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING id, provider, tenant_id, payload, attempts, received_at`,
      [leaseSeconds, limit],
    );
    return (rows as Array<Record<string, unknown>>).map((r) => ({
      id: r.id as string,
      provider: r.provider as ProviderName,
      tenantId: (r.tenant_id as string | null) ?? null,
      payload: r.payload,
      attempts: Number(r.attempts),
      receivedAt: r.received_at as Date,
    }));
  }

  /** Inside the processing transaction: true if this worker holds the event and nobody finished it. */
  async lockUnprocessed(id: string): Promise<boolean> {
    const row = await this.db
      .q('whatsapp_webhook_events')
      .where({ id })
      .whereNull('processed_at')
      .forUpdate()
      .first('id');
    return row !== undefined;
  }

  async markProcessed(id: string, note?: string): Promise<void> {
    await this.db
      .q('whatsapp_webhook_events')
      .where({ id })
      .update({ processed_at: this.db.knex.fn.now(), error: note ?? null, locked_until: null });
  }

  /** A failed attempt: retried later with backoff, or given up on (kept, with its error) after MAX_EVENT_ATTEMPTS. */
  async markFailed(id: string, attempts: number, error: string): Promise<void> {
    const giveUp = attempts >= MAX_EVENT_ATTEMPTS;
    const delaySeconds = Math.min(2 ** attempts, 600);
    await this.db
      .knex('whatsapp_webhook_events')
      .where({ id })
      .update({
        error: giveUp ? `gave up after ${attempts} attempts: ${error}` : error,
        locked_until: null,
        available_at: this.db.knex.raw(`now() + make_interval(secs => ?)`, [delaySeconds]),
        ...(giveUp ? { processed_at: this.db.knex.fn.now() } : {}),
      });
  }

  async pendingCount(): Promise<number> {
    const row = await this.db
      .knex('whatsapp_webhook_events')
      .whereNull('processed_at')
      .count<{ n: number }[]>('* as n')
      .first();
    return Number(row?.n ?? 0);
  }
}
