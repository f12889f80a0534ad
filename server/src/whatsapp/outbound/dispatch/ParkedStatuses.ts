import { inject, injectable } from 'inversify';
import type { ApplyStatusUpdate } from '../../../modules/message/application/ApplyStatusUpdate';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';

export interface NamedSend {
  providerMessageId: string;
  at: Date;
}

export interface SentMessageRef {
  tenantId: string;
  providerMessageId: string;
}

/**
 * Statuses that arrived before the send they describe was recorded (whatsapp_pending_statuses):
 * applied once the message has its provider id — right after recording it, and by the stuck
 * sweeper for any left over (the process died in between, or a status was parked while the send
 * was being recorded).
 */
@injectable()
export class ParkedStatuses {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.ApplyStatusUpdate) private readonly statuses: ApplyStatusUpdate,
  ) {}

  /** Applies, in one transaction, what is parked for these messages. */
  async apply(messages: SentMessageRef[]): Promise<void> {
    await this.db.run(async () => {
      for (const m of messages) await this.statuses.applyParked(m.tenantId, m.providerMessageId);
    });
  }

  /**
   * The provider id under which each of these messages went out, and when the provider first saw
   * it, from statuses parked for it that name it by our id (a send whose outcome was lost).
   * Tenant-checked: `messages` carry theirs.
   */
  async sendsNaming(messages: Array<{ id: string; tenantId: string }>): Promise<Map<string, NamedSend>> {
    if (!messages.length) return new Map();
    const rows = (await this.db
      .q('whatsapp_pending_statuses')
      .whereIn(
        'message_id',
        messages.map((m) => m.id),
      )
      .orderBy('occurred_at', 'desc')
      .select('tenant_id', 'message_id', 'provider_message_id', 'occurred_at')) as Array<{
      tenant_id: string;
      message_id: string;
      provider_message_id: string;
      occurred_at: Date;
    }>;
    const tenantOf = new Map(messages.map((m) => [m.id, m.tenantId]));
    return new Map(
      rows
        .filter((r) => tenantOf.get(r.message_id) === r.tenant_id)
        .map((r) => [
          r.message_id,
          { providerMessageId: r.provider_message_id, at: new Date(r.occurred_at) },
        ]),
    );
  }

  /** Sweeper: applies statuses parked for messages that exist by now; returns how many messages. */
  async applyLeftOver(limit: number): Promise<number> {
    const rows = (await this.db
      .q('whatsapp_pending_statuses as p')
      .join('whatsapp_messages as m', (j) =>
        j.on('m.tenant_id', 'p.tenant_id').andOn('m.provider_message_id', 'p.provider_message_id'),
      )
      .distinct('p.tenant_id', 'p.provider_message_id')
      .limit(limit)) as Array<{ tenant_id: string; provider_message_id: string }>;
    await this.apply(rows.map((r) => ({ tenantId: r.tenant_id, providerMessageId: r.provider_message_id })));
    return rows.length;
  }
}
