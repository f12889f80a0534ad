import { inject, injectable } from 'inversify';
import type { StatusHistoryEntry } from '../../../modules/message/domain/MessageStatus';
import type { EventLog } from '../../../modules/events/domain/EventLog';
import { messageStatusEvents } from '../../../modules/message/domain/messageEvents';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { GroupCommit } from './GroupCommit';
import type { ClaimedMessage } from './OutboundClaims';
import { ParkedStatuses } from './ParkedStatuses';

export interface AcceptedSend {
  message: ClaimedMessage;
  providerMessageId: string;
}

interface SentRow {
  id: string;
  held: boolean;
  parked: boolean;
  conversation_id: string | null;
  broadcast_id: string | null;
}

type SentFacts = { conversationId?: string; broadcastId?: string };

const COMMIT_ATTEMPTS = 3;
const MAX_BATCH = 100;

/**
 * Records sends the provider accepted: `sent` with the provider's id, `sent_at` and the history
 * entry, and the attempt settled. The provider accept → commit gap is the window in which a crash
 * sends a message twice (docs/decisions/0012), so sends are group-committed (GroupCommit: no
 * timer) and a batch is one statement (plus one for its `message.sent` events, same transaction), retried a few
 * times. A batch that still fails is tried send by send, so one bad row cannot leave the others to
 * their lease. Statuses that arrived before a send was recorded are applied right after; should
 * that fail or the process die first, the stuck sweeper applies them (ParkedStatuses).
 */
@injectable()
export class SentRecorder {
  private readonly batches = new GroupCommit<AcceptedSend>((sends) => this.commit(sends), MAX_BATCH);

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(ParkedStatuses) private readonly parked: ParkedStatuses,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  /** Resolves once the send is recorded. Call outside any transaction. */
  record(send: AcceptedSend): Promise<void> {
    return this.batches.add(send);
  }

  private async commit(sends: AcceptedSend[]): Promise<unknown[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.commitBatch(sends);
        return sends.map(() => undefined);
      } catch (error) {
        if (attempt >= COMMIT_ATTEMPTS) return sends.length === 1 ? [error] : this.oneByOne(sends);
        this.logger.warn({ err: error, sends: sends.length }, 'could not record sends; retrying');
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async oneByOne(sends: AcceptedSend[]): Promise<unknown[]> {
    const errors: unknown[] = [];
    for (const send of sends)
      errors.push(
        await this.commitBatch([send]).then(
          () => undefined,
          (error: unknown) => error,
        ),
      );
    return errors;
  }

  /** The sends and their `message.sent` events: one transaction, two statements for the batch. */
  private async commitBatch(sends: AcceptedSend[]): Promise<void> {
    const outcomes = await this.db.run(async () => {
      const marked = await this.markSent(sends, this.clock.now());
      await this.events.append(
        sends.flatMap(({ message }, i) => {
          const { held, facts } = marked[i];
          return held
            ? messageStatusEvents(
                { id: message.id, tenantId: message.tenantId, customerPhone: message.to, ...facts },
                'sent',
              )
            : [];
        }),
      );
      return marked;
    });
    const parked: AcceptedSend[] = [];
    for (const [i, send] of sends.entries()) {
      if (outcomes[i].parked) parked.push(send);
      if (!outcomes[i].held)
        this.logger.warn(
          { messageId: send.message.id, providerMessageId: send.providerMessageId },
          'sent after its lease was taken over; the message may go twice',
        );
    }
    if (parked.length)
      await this.parked
        .apply(parked.map((s) => ({ tenantId: s.message.tenantId, providerMessageId: s.providerMessageId })))
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'parked statuses not applied yet; the stuck sweeper will'),
        );
  }

  /**
   * One statement for the whole batch: each message becomes `sent` only if this attempt still
   * holds it (`attempts = n`, `sending` — or `unconfirmed` when a slow call outlived its lease and
   * the sweeper gave up waiting for it), each attempt is settled; per send, whether
   * it was held and (if so) whether statuses for its provider id are parked. The `= ANY (ARRAY(…))`
   * conditions keep the updates on the primary keys: the planner cannot size the JSON input and
   * would otherwise hash-join it against a scan of the whole table.
   */
  private async markSent(
    sends: AcceptedSend[],
    at: Date,
  ): Promise<Array<{ held: boolean; parked: boolean; facts?: SentFacts }>> {
    const entry: StatusHistoryEntry = { status: 'sent', at: at.toISOString(), applied: true };
    const input = sends.map(({ message: m, providerMessageId }) => ({
      id: m.id,
      tenant_id: m.tenantId,
      attempt: m.attempt,
      attempt_id: m.attemptId,
      provider_message_id: providerMessageId,
    }));
    const { rows } = await this.db.q.raw<{ rows: SentRow[] }>(
      `WITH sent AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb)
           AS s(id uuid, tenant_id uuid, attempt int, attempt_id bigint, provider_message_id text)
       ), held AS (
         UPDATE whatsapp_messages m
            SET status = 'sent', provider_message_id = s.provider_message_id, sent_at = ?,
                locked_until = NULL, error_code = NULL, error_title = NULL,
                status_history = m.status_history || ?::jsonb, updated_at = CURRENT_TIMESTAMP
           FROM sent s
          WHERE m.id = ANY (ARRAY(SELECT id FROM sent)) AND m.id = s.id
            AND m.status IN ('sending', 'unconfirmed') AND m.attempts = s.attempt
         RETURNING m.id, m.conversation_id, m.content->'context'->>'broadcastId' AS broadcast_id
       ), settled AS (
         UPDATE whatsapp_send_attempts a SET outcome = 'sent', error_code = NULL
           FROM sent s WHERE a.id = ANY (ARRAY(SELECT attempt_id FROM sent)) AND a.id = s.attempt_id
       )
       SELECT s.id, h.id IS NOT NULL AS held, h.conversation_id, h.broadcast_id,
              h.id IS NOT NULL AND EXISTS (
                SELECT 1 FROM whatsapp_pending_statuses p
                 WHERE p.tenant_id = s.tenant_id AND p.provider_message_id = s.provider_message_id) AS parked
         FROM sent s LEFT JOIN held h ON h.id = s.id`,
      [JSON.stringify(input), at, JSON.stringify([entry])],
    );
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          held: r.held,
          parked: r.parked,
          facts: { conversationId: r.conversation_id ?? undefined, broadcastId: r.broadcast_id ?? undefined },
        },
      ]),
    );
    return sends.map(({ message: m }) => byId.get(m.id) ?? { held: false, parked: false });
  }
}
