import { inject, injectable } from 'inversify';
import { MESSAGE_PRIORITIES, type MessagePriority } from '../../../modules/message/domain/MessagePriority';
import type { MessageChannel, OutboundContent } from '../../../modules/message/domain/OutboundRequest';
import type { StatusHistoryEntry } from '../../../modules/message/domain/MessageStatus';
import type { Database } from '../../../shared/db/Database';
import type { EventLog } from '../../../modules/events/domain/EventLog';
import { messageStatusEvents } from '../../../modules/message/domain/messageEvents';
import { TYPES } from '../../../types';

export interface QueuedRow {
  id: string;
  tenantId: string;
  to: string;
  content: OutboundContent;
  attempts: number;
  priority: MessagePriority;
  channel: MessageChannel;
}

interface QueuedDbRow {
  id: string;
  tenant_id: string;
  customer_phone: string;
  content: OutboundContent;
  attempts: number;
  priority: MessagePriority;
  channel: MessageChannel;
}

export interface SweptRow {
  id: string;
  tenantId: string;
  attempts: number;
}

export interface Failure {
  code: string;
  title: string;
}

interface FailedRow {
  tenant_id: string;
  conversation_id: string | null;
  customer_phone: string | null;
  broadcast_id: string | null;
}

const OUTBOUND = { direction: 'OUTBOUND' } as const;

/**
 * The outbound queue is whatsapp_messages itself (docs/decisions/0012): `queued` rows with an
 * `available_at`, claimed into `sending` under a `locked_until` lease. Every method joins the
 * ambient transaction; times come from the caller's clock.
 */
@injectable()
export class OutboundRows {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  /**
   * Tenants with messages due that may be claimed now — not in panic mode, not held by a full
   * rate-limit window, and, while bulk pacing holds them, with a `high` message due — starting
   * after `after` (the last tenant served), so that with more due tenants than `limit` each gets
   * its turn. One probe of the queue index per tenant and class, however long the queue.
   */
  async dueTenants(now: Date, limit: number, after?: string): Promise<string[]> {
    const due = (priorities: string) =>
      `EXISTS (SELECT 1 FROM whatsapp_messages m
                WHERE m.tenant_id = t.id AND m.direction = 'OUTBOUND' AND m.status = 'queued'
                  AND m.priority IN (${priorities}) AND m.available_at <= :now)`;
    const { rows } = await this.db.q.raw<{ rows: Array<{ id: string }> }>(
      `SELECT t.id FROM tenants t LEFT JOIN whatsapp_outbound_holds h ON h.tenant_id = t.id
        WHERE (h.until IS NULL OR h.until <= :now)
          AND (${due(`'high'`)}
               OR ((h.bulk_until IS NULL OR h.bulk_until <= :now) AND ${due(`'normal','low'`)}))
          AND NOT EXISTS (SELECT 1 FROM whatsapp_panic_states p WHERE p.tenant_id = t.id AND p.active)
        ORDER BY t.id <= :after, t.id
        LIMIT :limit`,
      { now, limit, after: after ?? '00000000-0000-0000-0000-000000000000' },
    );
    return rows.map((r) => r.id);
  }

  /**
   * Locks (SKIP LOCKED) the tenant's oldest due messages, `high` before `normal` before `low`
   * (among the classes given), in one statement: each class's oldest `limit` come straight off the
   * queue index, the best `limit` of those are locked.
   */
  async lockDue(
    tenantId: string,
    now: Date,
    limit: number,
    priorities: readonly MessagePriority[],
  ): Promise<QueuedRow[]> {
    const oldest = priorities.map(
      () =>
        `(SELECT id, ? AS rank, available_at, created_at FROM whatsapp_messages
           WHERE tenant_id = ? AND direction = 'OUTBOUND' AND status = 'queued' AND priority = ?
             AND available_at <= ?
           ORDER BY available_at, created_at LIMIT ?)`,
    );
    const { rows } = await this.db.q.raw<{
      rows: Array<QueuedDbRow & { available_at: Date; created_at: Date }>;
    }>(
      `SELECT id, tenant_id, customer_phone, content, attempts, priority, channel, available_at, created_at
         FROM whatsapp_messages
        WHERE id = ANY (ARRAY(SELECT id FROM (${oldest.join(' UNION ALL ')}) AS candidates
                               ORDER BY rank, available_at, created_at LIMIT ?))
          AND status = 'queued'
          FOR UPDATE SKIP LOCKED`,
      [...priorities.flatMap((p) => [MESSAGE_PRIORITIES.indexOf(p), tenantId, p, now, limit]), limit],
    );
    const order = (r: QueuedDbRow & { available_at: Date; created_at: Date }) => [
      MESSAGE_PRIORITIES.indexOf(r.priority),
      new Date(r.available_at).getTime(),
      new Date(r.created_at).getTime(),
    ];
    return rows
      .sort((a, b) => {
        const [x, y] = [order(a), order(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      })
      .map(toQueued);
  }

  async markSending(ids: string[], leaseUntil: Date): Promise<void> {
    if (!ids.length) return;
    await this.db
      .q('whatsapp_messages')
      .whereIn('id', ids)
      .update({
        status: 'sending',
        locked_until: leaseUntil,
        attempts: this.db.knex.raw('attempts + 1'),
        updated_at: this.db.knex.fn.now(),
      });
  }

  /** Not yet: the rate limit or pacing moves the message to a later slot. */
  async defer(ids: string[], until: Date): Promise<void> {
    if (!ids.length) return;
    await this.db.q('whatsapp_messages').whereIn('id', ids).update({ available_at: until });
  }

  async fail(id: string, failure: Failure, at: Date): Promise<void> {
    const entry: StatusHistoryEntry = {
      status: 'failed',
      at: at.toISOString(),
      applied: true,
      errorCode: failure.code,
      errorTitle: failure.title,
    };
    const [row] = (await this.db
      .q('whatsapp_messages')
      .where({ id })
      .update({
        status: 'failed',
        error_code: failure.code.slice(0, 32),
        error_title: failure.title,
        locked_until: null,
        status_history: this.appendHistory(entry),
        updated_at: this.db.knex.fn.now(),
      })
      .returning([
        'tenant_id',
        'conversation_id',
        'customer_phone',
        this.db.knex.raw(`content->'context'->>'broadcastId' AS broadcast_id`),
      ])) as FailedRow[];
    if (row)
      await this.events.append(
        messageStatusEvents(
          {
            id,
            tenantId: row.tenant_id,
            conversationId: row.conversation_id ?? undefined,
            customerPhone: row.customer_phone ?? undefined,
            broadcastId: row.broadcast_id ?? undefined,
          },
          'failed',
          failure,
        ),
      );
  }

  /** Back to the queue after a failed attempt, keeping its error for staff to see. */
  async requeue(id: string, availableAt: Date, failure?: Failure): Promise<void> {
    await this.db
      .q('whatsapp_messages')
      .where({ id })
      .update({
        status: 'queued',
        available_at: availableAt,
        locked_until: null,
        ...(failure ? { error_code: failure.code.slice(0, 32), error_title: failure.title } : {}),
        updated_at: this.db.knex.fn.now(),
      });
  }

  /**
   * Undoes a claim that was never tried (its call could have outlasted the lease): queued again,
   * the attempt not counted. Only while this claim still holds the message.
   */
  async release(id: string, attempt: number): Promise<boolean> {
    const updated = await this.db
      .q('whatsapp_messages')
      .where({ id, status: 'sending', attempts: attempt })
      .update({
        status: 'queued',
        locked_until: null,
        attempts: attempt - 1,
        updated_at: this.db.knex.fn.now(),
      });
    return Number(updated) > 0;
  }

  /** Messages whose lease ran out while `sending` (their worker died): locked for the sweeper. */
  async lockExpired(now: Date, limit: number): Promise<SweptRow[]> {
    return this.lockForSweep({ status: 'sending' }, 'locked_until', now, limit);
  }

  /** `unconfirmed` messages whose wait for a status has ended: locked for the sweeper. */
  async lockUnconfirmedDue(now: Date, limit: number): Promise<SweptRow[]> {
    return this.lockForSweep({ status: 'unconfirmed' }, 'available_at', now, limit);
  }

  /**
   * The outcome of the message's last attempt was lost: it waits for a status naming it until
   * `until` (WHATSAPP_RECONCILE_SECONDS) rather than going again at once.
   */
  async markUnconfirmed(id: string, until: Date): Promise<void> {
    await this.db.q('whatsapp_messages').where({ id }).update({
      status: 'unconfirmed',
      available_at: until,
      locked_until: null,
      updated_at: this.db.knex.fn.now(),
    });
  }

  private async lockForSweep(
    where: { status: string },
    column: 'locked_until' | 'available_at',
    now: Date,
    limit: number,
  ): Promise<SweptRow[]> {
    const rows = (await this.db
      .q('whatsapp_messages')
      .where({ ...OUTBOUND, ...where })
      .where(column, '<', now)
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .select('id', 'tenant_id', 'attempts')) as Array<{ id: string; tenant_id: string; attempts: number }>;
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, attempts: r.attempts }));
  }

  private appendHistory(entry: StatusHistoryEntry) {
    return this.db.knex.raw(`status_history || ?::jsonb`, [JSON.stringify([entry])]);
  }
}

const toQueued = (r: QueuedDbRow): QueuedRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  to: r.customer_phone,
  content: r.content,
  attempts: r.attempts,
  priority: r.priority,
  channel: r.channel,
});
