import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { LimitReachedError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import { messageStatusEvents } from '../../message/domain/messageEvents';
import type {
  LockedOutbound,
  OutboundPurpose,
  OutboundQueue,
  OutboundRequest,
} from '../../message/domain/OutboundRequest';
import type { UsageLimits } from '../application/UsageLimits';
import { dayStartsAt } from '../domain/UsagePeriod';
import { countedMessages, type Queued } from './countedMessages';

/** Staff sends and broadcasts are refused whole (429); automatic messages are not sent, audited. */
const REFUSED_WHOLE: ReadonlySet<OutboundPurpose> = new Set(['manual', 'broadcast']);

/**
 * The outbound queue with the plan's `messages` limit (SPEC §17, docs/decisions/0021): messages
 * are queued as before, and just before the transaction commits the ones to customers are
 * counted in one locked update per tenant. Past the limit, a transaction that queued a staff send
 * or a broadcast fails with 429 LIMIT_REACHED (nothing is queued); automatic messages past it are
 * recorded `failed` with `LIMIT_REACHED` instead of being sent, the rest of the change commits.
 */
@injectable()
export class MeteredOutboundQueue implements OutboundQueue {
  private readonly pending = new WeakMap<object, Queued[]>();

  constructor(
    @inject(TYPES.UnmeteredOutboundQueue) private readonly inner: OutboundQueue,
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async enqueue(request: OutboundRequest): Promise<string> {
    const [id] = await this.enqueueAll([request]);
    return id;
  }

  async enqueueAll(requests: OutboundRequest[]): Promise<string[]> {
    if (!this.db.inTransaction) return this.db.run(() => this.enqueueAll(requests));
    const ids = await this.inner.enqueueAll(requests);
    const queued = this.queuedInTransaction();
    requests.forEach((r, i) => {
      if ((r.channel ?? 'whatsapp') === 'whatsapp')
        queued.push({ id: ids[i], tenantId: r.tenantId, to: r.to, purpose: r.purpose });
    });
    return ids;
  }

  lockOne(tenantId: string, id: string): Promise<LockedOutbound | undefined> {
    return this.inner.lockOne(tenantId, id);
  }

  /** A retry is a new attempt: counted again (it was given back when it failed), as a staff send. */
  async requeueFailed(id: string): Promise<boolean> {
    if (!this.db.inTransaction) return this.db.run(() => this.requeueFailed(id));
    if (!(await this.inner.requeueFailed(id))) return false;
    const row = (await this.db
      .q('whatsapp_messages')
      .where({ id, channel: 'whatsapp' })
      .first('tenant_id', 'customer_phone')) as { tenant_id: string; customer_phone: string } | undefined;
    if (row)
      this.queuedInTransaction().push({
        id,
        tenantId: row.tenant_id,
        to: row.customer_phone,
        purpose: 'manual',
      });
    return true;
  }

  /** The messages this transaction queued, counted once by a hook just before it commits. */
  private queuedInTransaction(): Queued[] {
    const key = this.db.transactionKey!;
    let queued = this.pending.get(key);
    if (!queued) {
      const list: Queued[] = [];
      this.pending.set(key, list);
      this.db.beforeCommit(() => this.count(list.splice(0)));
      queued = list;
    }
    return queued;
  }

  /**
   * Reads and marks first, then takes the counter row's lock: that lock is held to the commit and
   * every other transaction of the tenant that queues a message waits for it, so as few statements
   * as possible run under it. A refused message's mark is cleared by `refuse`.
   */
  private async count(queued: Queued[]): Promise<void> {
    for (const [tenantId, messages] of await countedMessages(this.db, queued)) {
      const known = await this.limits.terms(tenantId);
      await this.markCounted(messages, known.period.start);
      const { granted, terms } = await this.limits.reserveMessages(tenantId, messages.length, known);
      const refused = messages.slice(granted);
      const limit = terms.limits.messages ?? 0;
      if (refused.some((m) => REFUSED_WHOLE.has(m.purpose)))
        throw new LimitReachedError(
          'messages',
          limit,
          terms.period.end,
          dayStartsAt(terms.period.end, terms.timezone),
        );
      if (refused.length) await this.refuse(tenantId, refused, limit);
    }
  }

  private async markCounted(messages: Queued[], period: string): Promise<void> {
    if (messages.length)
      await this.db
        .q('whatsapp_messages')
        .whereIn(
          'id',
          messages.map((m) => m.id),
        )
        .update({ usage_period: period });
  }

  private async refuse(tenantId: string, messages: Queued[], limit: number): Promise<void> {
    const at = this.clock.now().toISOString();
    const entry = JSON.stringify([{ status: 'failed', at, applied: true, errorCode: 'LIMIT_REACHED' }]);
    const title = `The plan's limit of ${limit} messages this month is reached`;
    const rows = (await this.db
      .q('whatsapp_messages')
      .where({ tenant_id: tenantId })
      .whereIn(
        'id',
        messages.map((m) => m.id),
      )
      .update({
        status: 'failed',
        error_code: 'LIMIT_REACHED',
        error_title: title,
        usage_period: null,
        status_history: this.db.knex.raw(`status_history || ?::jsonb`, [entry]),
        updated_at: this.db.knex.fn.now(),
      })
      .returning(['id', 'conversation_id', 'customer_phone'])) as Array<{
      id: string;
      conversation_id: string | null;
      customer_phone: string;
    }>;
    await this.events.append(
      rows.flatMap((r) =>
        messageStatusEvents(
          {
            id: r.id,
            tenantId,
            conversationId: r.conversation_id ?? undefined,
            customerPhone: r.customer_phone,
          },
          'failed',
          { code: 'LIMIT_REACHED', title },
        ),
      ),
    );
    await this.audit.recordAll(
      messages.map((m) => ({
        tenantId,
        actor: 'system',
        action: 'MESSAGE_LIMIT_REACHED',
        entityType: 'message',
        entityId: m.id,
        details: { purpose: m.purpose, limit },
      })),
    );
  }
}
