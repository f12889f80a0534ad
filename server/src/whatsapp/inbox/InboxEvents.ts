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
 * `takeForProcessing`, the first statement of the processing transaction.
 */
@injectable()
export class InboxEvents {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async claim(limit: number, leaseSeconds: number): Promise<ClaimedEvent[]> {
    const { rows } = await this.db.knex.raw(
      // RETURNING comes in no particular order: sort by arrival, so a customer's messages keep theirs.
      `WITH claimed AS (
         UPDATE whatsapp_webhook_events SET locked_until = now() + make_interval(secs => ?), attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM whatsapp_webhook_events
             WHERE processed_at IS NULL AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
             ORDER BY available_at, received_at
             LIMIT ? FOR UPDATE SKIP LOCKED)
          RETURNING id, provider, tenant_id, payload, attempts, received_at)
       SELECT * FROM claimed ORDER BY received_at`,
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

  /**
   * First statement of the processing transaction: marks the events processed unless someone already
   * did, and holds their row locks until commit. Returns the ids taken; a missing one was finished by
   * another worker (which this one waited for). A rollback takes the marks back with the effects.
   */
  async takeForProcessing(ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.db
      .q('whatsapp_webhook_events')
      .whereIn('id', ids)
      .whereNull('processed_at')
      .update({ processed_at: this.db.knex.fn.now(), error: null, locked_until: null })
      .returning('id');
    return new Set(rows.map((r) => r.id));
  }

  /** A note on a processed event (e.g. deliveries for a number no tenant has). */
  async addNote(id: string, note: string): Promise<void> {
    await this.db.q('whatsapp_webhook_events').where({ id }).update({ error: note });
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
