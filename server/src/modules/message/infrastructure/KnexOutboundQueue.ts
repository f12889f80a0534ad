import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { groupBy } from '../../../shared/batch/groupBy';
import { OutboundWakeUps } from './OutboundWakeUps';
import type { StatusHistoryEntry } from '../domain/MessageStatus';
import { priorityOf } from '../domain/MessagePriority';
import {
  CONTENT_KINDS,
  outboundType,
  type LockedOutbound,
  type OutboundContent,
  type OutboundQueue,
  type OutboundRequest,
} from '../domain/OutboundRequest';

/**
 * Queues outbound messages as `whatsapp_messages` rows (status `queued`) in the caller's
 * transaction; the OutboundDispatcher claims and sends them (docs/decisions/0012).
 */
@injectable()
export class KnexOutboundQueue implements OutboundQueue {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(OutboundWakeUps) private readonly wakeUps: OutboundWakeUps,
  ) {}

  async enqueue(request: OutboundRequest): Promise<string> {
    const [id] = await this.enqueueAll([request]);
    return id;
  }

  async enqueueAll(requests: OutboundRequest[]): Promise<string[]> {
    if (!requests.length) return [];
    for (const r of requests)
      if (!CONTENT_KINDS.some((kind) => r[kind] !== undefined))
        throw new Error(`an outbound message needs one of ${CONTENT_KINDS.join(', ')}`);
    const conversations = await this.activeConversations(requests.filter((r) => !r.conversationId));
    // Ids made here so the rows need no RETURNING to be matched with their requests.
    const ids = requests.map(() => randomUUID());
    const now = this.clock.now();
    await this.db.q('whatsapp_messages').insert(
      requests.map((r, i) => ({
        id: ids[i],
        tenant_id: r.tenantId,
        conversation_id: r.conversationId ?? conversations.get(`${r.tenantId} ${r.to}`) ?? null,
        direction: 'OUTBOUND',
        type: outboundType(r),
        customer_phone: r.to,
        content: JSON.stringify(contentOf(r)),
        priority: priorityOf(r.purpose, r.priority),
        channel: r.channel ?? 'whatsapp',
        origin: r.origin ?? null,
        status: 'queued',
        status_history: JSON.stringify([]),
        available_at: now,
      })),
    );
    this.wakeUps.queued();
    return ids;
  }

  async lockOne(tenantId: string, id: string): Promise<LockedOutbound | undefined> {
    const row = (await this.db
      .q('whatsapp_messages')
      .where({ direction: 'OUTBOUND', tenant_id: tenantId, id })
      .forUpdate()
      .first('id', 'customer_phone', 'content', 'status', 'type')) as
      | { id: string; customer_phone: string; content: OutboundContent; status: string; type: string }
      | undefined;
    return (
      row && { id: row.id, to: row.customer_phone, content: row.content, status: row.status, type: row.type }
    );
  }

  async requeueFailed(id: string): Promise<boolean> {
    const now = this.clock.now();
    const entry: StatusHistoryEntry = { status: 'queued', at: now.toISOString(), applied: true };
    const updated = await this.db
      .q('whatsapp_messages')
      .where({ direction: 'OUTBOUND', id, status: 'failed' })
      .update({
        status: 'queued',
        available_at: now,
        locked_until: null,
        attempts: 0,
        provider_message_id: null,
        sent_at: null,
        error_code: null,
        error_title: null,
        status_history: this.db.knex.raw(`status_history || ?::jsonb`, [JSON.stringify([entry])]),
        updated_at: this.db.knex.fn.now(),
      });
    this.wakeUps.queued();
    return Number(updated) > 0;
  }

  /** The active conversation of each recipient that has one, keyed by `tenant phone`. */
  private async activeConversations(requests: OutboundRequest[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const [tenantId, phones] of groupBy(
      requests,
      (r) => r.tenantId,
      (r) => r.to,
    )) {
      const rows = (await this.db
        .q('whatsapp_conversations')
        .where({ tenant_id: tenantId, status: 'active' })
        .whereIn('customer_phone', [...new Set(phones)])
        .select('id', 'customer_phone')) as Array<{ id: string; customer_phone: string }>;
      for (const row of rows) found.set(`${tenantId} ${row.customer_phone}`, row.id);
    }
    return found;
  }
}

function contentOf(r: OutboundRequest): OutboundContent {
  const { purpose, text, template, media, interactive, location, contacts, reaction, sms } = r;
  return {
    purpose,
    text,
    template,
    media,
    interactive,
    location,
    contacts,
    reaction,
    sms,
    replyToProviderId: r.replyToProviderId,
    context: r.context,
  };
}
