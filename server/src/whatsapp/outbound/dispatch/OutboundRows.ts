import { inject, injectable } from 'inversify';
import type { OutboundContent } from '../../../modules/message/domain/OutboundRequest';
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
   * Tenants with messages due, except those in panic mode: one probe of the queue index per
   * tenant, however long the queue.
   */
  async dueTenants(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .q('tenants as t')
      .whereExists((q) =>
        q
          .from('whatsapp_messages as m')
          .whereRaw('m.tenant_id = t.id')
          .where({ 'm.direction': 'OUTBOUND', 'm.status': 'queued' })
          .where('m.available_at', '<=', now),
      )
      .whereNotExists((q) =>
        q.from('whatsapp_panic_states as p').whereRaw('p.tenant_id = t.id').where('p.active', true),
      )
      .limit(limit)
      .select('t.id');
    return (rows as Array<{ id: string }>).map((r) => r.id);
  }

  /** Locks (SKIP LOCKED) the tenant's oldest due messages. */
  async lockDue(tenantId: string, now: Date, limit: number): Promise<QueuedRow[]> {
    const rows = (await this.db
      .q('whatsapp_messages')
      .where({ ...OUTBOUND, tenant_id: tenantId, status: 'queued' })
      .where('available_at', '<=', now)
      .orderBy([{ column: 'available_at' }, { column: 'created_at' }])
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .select('id', 'tenant_id', 'customer_phone', 'content', 'attempts')) as Array<{
      id: string;
      tenant_id: string;
      customer_phone: string;
      content: OutboundContent;
      attempts: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      to: r.customer_phone,
      content: r.content,
      attempts: r.attempts,
    }));
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

  /** Every due queued message of the tenant waits until `until` (the rate limit is used up). */
  async deferAllDue(tenantId: string, now: Date, until: Date): Promise<number> {
    const moved = await this.db
      .q('whatsapp_messages')
      .where({ ...OUTBOUND, tenant_id: tenantId, status: 'queued' })
      .where('available_at', '<=', now)
      .update({ available_at: until });
    return Number(moved);
  }

  /** Ends a message: a rule refused it, or the provider did for good; `message.status` tells staff. */
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
  async lockExpired(now: Date, limit: number): Promise<Array<{ id: string; attempts: number }>> {
    return (await this.db
      .q('whatsapp_messages')
      .where({ ...OUTBOUND, status: 'sending' })
      .where('locked_until', '<', now)
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .select('id', 'attempts')) as Array<{ id: string; attempts: number }>;
  }

  private appendHistory(entry: StatusHistoryEntry) {
    return this.db.knex.raw(`status_history || ?::jsonb`, [JSON.stringify([entry])]);
  }
}
