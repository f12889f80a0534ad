import { inject, injectable } from 'inversify';
import type { StatusHistoryEntry } from '../../../modules/message/domain/MessageStatus';
import type { Database } from '../../../shared/db/Database';
import type { EventLog } from '../../../modules/events/domain/EventLog';
import { messageStatusEvents } from '../../../modules/message/domain/messageEvents';
import type { UsageCounters } from '../../../modules/usage/domain/UsageCounters';
import { TYPES } from '../../../types';

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
 * `available_at`, claimed into `sending` under a `locked_until` lease (what is due: DueRows).
 * Every method joins the ambient transaction; times come from the caller's clock.
 */
@injectable()
export class OutboundRows {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.UsageCounters) private readonly usage: UsageCounters,
  ) {}

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

  /** Failed for good; a message no provider accepted stops counting against the plan (SPEC §17). */
  async fail(id: string, failure: Failure, at: Date): Promise<void> {
    await this.usage.releaseMessage(id);
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
