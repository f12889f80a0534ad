import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import type { Metrics } from '../../../shared/metrics/Metrics';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import { MESSAGE_PRIORITIES, type MessagePriority } from '../../../modules/message/domain/MessagePriority';
import type { MessageChannel } from '../../../modules/message/domain/OutboundRequest';
import { bulkPacing } from './bulkPacing';
import { DeliveryFactsLoader } from './DeliveryFactsLoader';
import { decideDelivery, decideSms, type DeliveryPlan } from './deliveryRules';
import { OutboundHolds, type OutboundHold } from './OutboundHolds';
import { DueRows, type QueuedRow } from './DueRows';
import { OutboundRows } from './OutboundRows';
import { PanicStates } from './PanicStates';
import { pace, PAIR_PACING } from './recipientPacing';
import { RecipientPacingStore } from './RecipientPacingStore';
import { SendAttempts } from './SendAttempts';
import { slidingWindow } from './slidingWindow';

export interface ClaimedMessage {
  id: string;
  tenantId: string;
  to: string;
  /** This attempt's number (attempts after the claim). */
  attempt: number;
  attemptId: string;
  /** Until when this claim holds the message; a call that could outlast it is not started. */
  leaseUntil: Date;
  priority: MessagePriority;
  channel: MessageChannel;
  plan: DeliveryPlan;
}

type Sendable = QueuedRow & { plan: DeliveryPlan };

export interface ClaimRequest {
  tenantId: string;
  provider: ProviderName;
  now: Date;
  limit: number;
  ratePerMinute: number;
  leaseMs: number;
}

const MINUTE = 60_000;

/**
 * One claim round for one tenant, in one short transaction under a per-tenant advisory lock (so
 * the sliding-minute count is exact across instances): nothing while the tenant is in panic mode
 * or held (OutboundHolds); lock the oldest due messages class by class, `high` before `normal`
 * before `low` (SKIP LOCKED); refuse those the rules forbid; then within the rate limit, bulk
 * pacing of `normal`/`low` (bulkPacing) and per-recipient pacing move the rest to `sending` under
 * a lease and log the attempts. A full window or bulk pacing holds the tenant (one row) until the
 * next slot; the rows that must wait stay as they are. A recipient paced out gets a later
 * `available_at`.
 */
@injectable()
export class OutboundClaims {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(DueRows) private readonly due: DueRows,
    @inject(OutboundRows) private readonly rows: OutboundRows,
    @inject(DeliveryFactsLoader) private readonly facts: DeliveryFactsLoader,
    @inject(SendAttempts) private readonly attempts: SendAttempts,
    @inject(RecipientPacingStore) private readonly pacing: RecipientPacingStore,
    @inject(PanicStates) private readonly panic: PanicStates,
    @inject(OutboundHolds) private readonly holds: OutboundHolds,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  claim(r: ClaimRequest): Promise<ClaimedMessage[]> {
    return this.db.run(async () => {
      await this.db.q.raw(`SELECT pg_advisory_xact_lock(7340033, hashtext(?))`, [r.tenantId]);
      if ((await this.panic.find(r.tenantId))?.active) return [];
      const hold = await this.holds.find(r.tenantId);
      if (after(hold.until, r.now)) return [];
      const classes = after(hold.bulkUntil, r.now) ? (['high'] as const) : MESSAGE_PRIORITIES;
      const due = await this.due.lockDue(r.tenantId, r.now, r.limit, classes);
      if (!due.length) return [];
      const sendable = await this.applyRules(r, due);
      return this.admit(r, sendable, hold);
    });
  }

  private async applyRules(r: ClaimRequest, due: QueuedRow[]): Promise<Sendable[]> {
    const facts = await this.facts.load(
      r.tenantId,
      r.provider,
      r.now,
      due.map((m) => ({ to: m.to, template: m.content.template, purpose: m.content.purpose })),
    );
    const sendable: Sendable[] = [];
    for (const [i, message] of due.entries()) {
      const decision =
        message.channel === 'sms'
          ? decideSms(message.content, facts[i])
          : decideDelivery(message.content, facts[i]);
      if (decision.ok) sendable.push({ ...message, plan: decision.plan });
      else {
        await this.rows.fail(message.id, decision, r.now);
        this.logger.info({ messageId: message.id, code: decision.code }, 'outbound message refused');
      }
    }
    return sendable;
  }

  private async admit(r: ClaimRequest, sendable: Sendable[], hold: OutboundHold): Promise<ClaimedMessage[]> {
    if (!sendable.length) return [];
    const window = slidingWindow(
      await this.attempts.recent(r.tenantId, new Date(r.now.getTime() - MINUTE), r.ratePerMinute),
      r.ratePerMinute,
      MINUTE,
      r.now,
    );
    const tats = await this.pacing.load(r.tenantId, [...new Set(sendable.map((m) => m.to))]);
    const changedTats = new Map<string, Date>();
    const bulk = {
      policy: bulkPacing(r.ratePerMinute),
      tat: hold.bulkTat,
      until: undefined as Date | undefined,
    };
    const admitted: Sendable[] = [];
    for (const message of sendable) {
      if (admitted.length >= window.budget) break;
      const isBulk = message.priority !== 'high';
      if (isBulk && bulk.until) continue;
      const bulkTurn = isBulk ? pace(bulk.tat, r.now, bulk.policy) : undefined;
      if (bulkTurn && !bulkTurn.allowed) {
        bulk.until = bulkTurn.notBefore;
        continue;
      }
      // Meta's per-recipient pair limit; an SMS is not subject to it.
      const turn = message.channel === 'sms' ? undefined : pace(tats.get(message.to), r.now, PAIR_PACING);
      if (turn && !turn.allowed) {
        await this.rows.defer([message.id], turn.notBefore);
        continue;
      }
      if (turn) {
        tats.set(message.to, turn.tat);
        changedTats.set(message.to, turn.tat);
      }
      if (bulkTurn?.allowed) bulk.tat = bulkTurn.tat;
      admitted.push(message);
    }
    await this.pacing.save(r.tenantId, changedTats);
    const leaseUntil = new Date(r.now.getTime() + r.leaseMs);
    await this.rows.markSending(
      admitted.map((m) => m.id),
      leaseUntil,
    );
    const windowFull = admitted.length >= window.budget;
    const next: OutboundHold = {
      until: windowFull ? window.nextSlotAt(admitted.length) : undefined,
      bulkUntil: bulk.until,
      bulkTat: bulk.tat,
    };
    if (!sameHold(hold, next)) await this.holds.save(r.tenantId, next);
    if (next.until) this.metrics.rateLimitWaited(r.tenantId, (next.until.getTime() - r.now.getTime()) / 1000);
    const attemptIds = await this.attempts.record(
      admitted.map((m) => ({ tenantId: r.tenantId, messageId: m.id, recipient: m.to, at: r.now })),
    );
    return admitted.map((m, i) => ({
      id: m.id,
      tenantId: m.tenantId,
      to: m.to,
      attempt: m.attempts + 1,
      attemptId: attemptIds[i],
      leaseUntil,
      priority: m.priority,
      channel: m.channel,
      plan: m.plan,
    }));
  }
}

const after = (time: Date | undefined, now: Date) => time !== undefined && time > now;

const sameHold = (a: OutboundHold, b: OutboundHold) =>
  a.until?.getTime() === b.until?.getTime() &&
  a.bulkUntil?.getTime() === b.bulkUntil?.getTime() &&
  a.bulkTat?.getTime() === b.bulkTat?.getTime();
