import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { NewEvent } from '../domain/DomainEvent';
import type { EventLog } from '../domain/EventLog';
import { EVENTS_JSON, PAYLOAD_LIMIT, toEvents } from './eventNotification';
import { EVENTS_CHANNEL, type EventSignal } from './EventSignal';

/**
 * Events are buffered per transaction and written just before it commits, in one statement for
 * all of them: ids from each tenant's counter row (`event_sequences`), taken last so its lock is
 * held only for the commit. Transactions appending for one tenant therefore commit in id order,
 * and a reader that has seen id n has seen every id below it (docs/decisions/0014). The same
 * statement notifies every instance (NOTIFY is delivered at commit), once per tenant, with the
 * events themselves when they fit in the payload (eventNotification); the embedded database, one
 * process, is told in memory after the commit.
 */
@injectable()
export class KnexEventLog implements EventLog {
  private readonly pending = new WeakMap<object, NewEvent[]>();

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.EventSignal) private readonly signal: EventSignal,
  ) {}

  async append(events: NewEvent[]): Promise<void> {
    if (!events.length) return;
    if (!this.db.inTransaction) return this.db.run(() => this.append(events));
    const key = this.db.transactionKey!;
    let buffer = this.pending.get(key);
    if (!buffer) {
      const fresh: NewEvent[] = (buffer = []);
      this.pending.set(key, fresh);
      // Last: the counter row's lock is then held for the commit only (docs/decisions/0014).
      this.db.beforeCommit(() => {
        this.pending.delete(key); // an event appended after this flush gets a flush of its own
        return this.flush(fresh);
      }, 'last');
    }
    buffer.push(...events);
  }

  private async flush(events: NewEvent[]): Promise<void> {
    const notify =
      this.db.kind === 'postgres'
        ? `, pg_notify('${EVENTS_CHANNEL}', f.tenant_id || ':' || s.last_id ||
             CASE WHEN octet_length(f.events) < ${PAYLOAD_LIMIT} THEN ':' || f.events ELSE '' END)`
        : '';
    const { rows } = await this.db.q.raw<{
      rows: Array<{ tenant_id: string; last_id: number; events: string }>;
    }>(
      `WITH input AS (
         SELECT e.*, e.ord AS position FROM jsonb_to_recordset(?::jsonb)
           AS e(ord int, tenant_id uuid, type text, trip_id uuid, data jsonb)),
       counts AS (SELECT tenant_id, count(*)::bigint AS n FROM input GROUP BY tenant_id),
       seq AS (
         INSERT INTO event_sequences AS s (tenant_id, last_id)
         SELECT tenant_id, n FROM counts ORDER BY tenant_id
         ON CONFLICT (tenant_id) DO UPDATE SET last_id = s.last_id + EXCLUDED.last_id
         RETURNING tenant_id, last_id),
       inserted AS (
         INSERT INTO events (tenant_id, id, type, trip_id, data)
         SELECT i.tenant_id, s.last_id - c.n + row_number() OVER (PARTITION BY i.tenant_id ORDER BY i.position),
                i.type, i.trip_id, i.data
           FROM input i JOIN counts c USING (tenant_id) JOIN seq s USING (tenant_id)
         RETURNING tenant_id, id, type, occurred_at, trip_id, data),
       f AS (SELECT tenant_id, ${EVENTS_JSON} AS events FROM inserted GROUP BY tenant_id)
       SELECT s.tenant_id, s.last_id, f.events${notify} FROM seq s JOIN f USING (tenant_id)`,
      [
        JSON.stringify(
          events.map((e, ord) => ({
            ord,
            tenant_id: e.tenantId,
            type: e.type,
            trip_id: e.tripId ?? null,
            data: e.data,
          })),
        ),
      ],
    );
    if (this.db.kind === 'embedded')
      this.db.afterCommit(() =>
        rows.forEach((r) =>
          this.signal.announce({
            tenantId: r.tenant_id,
            lastId: Number(r.last_id),
            events: toEvents(r.tenant_id, r.events),
          }),
        ),
      );
  }
}
