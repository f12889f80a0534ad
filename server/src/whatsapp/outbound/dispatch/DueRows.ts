import { inject, injectable } from 'inversify';
import { MESSAGE_PRIORITIES, type MessagePriority } from '../../../modules/message/domain/MessagePriority';
import type { MessageChannel, OutboundContent } from '../../../modules/message/domain/OutboundRequest';
import type { Database } from '../../../shared/db/Database';
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

/** What is due in the outbound queue: which tenants, and a tenant's rows in claim order. */
@injectable()
export class DueRows {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

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
