import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import type { Metrics } from '../../../shared/metrics/Metrics';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import { DeliveryFactsLoader } from './DeliveryFactsLoader';
import { decideDelivery, type DeliveryPlan } from './deliveryRules';
import { OutboundRows, type QueuedRow } from './OutboundRows';
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
  plan: DeliveryPlan;
}

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
 * the sliding-minute count is exact across instances): lock the oldest due messages (SKIP LOCKED),
 * (nothing while the tenant is in panic mode), refuse those the rules forbid, then within the rate limit and per-recipient pacing move the
 * rest to `sending` under a lease and log the attempts. What must wait gets a later `available_at`.
 */
@injectable()
export class OutboundClaims {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(OutboundRows) private readonly rows: OutboundRows,
    @inject(DeliveryFactsLoader) private readonly facts: DeliveryFactsLoader,
    @inject(SendAttempts) private readonly attempts: SendAttempts,
    @inject(RecipientPacingStore) private readonly pacing: RecipientPacingStore,
    @inject(PanicStates) private readonly panic: PanicStates,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  claim(r: ClaimRequest): Promise<ClaimedMessage[]> {
    return this.db.run(async () => {
      await this.db.q.raw(`SELECT pg_advisory_xact_lock(7340033, hashtext(?))`, [r.tenantId]);
      if ((await this.panic.find(r.tenantId))?.active) return [];
      const due = await this.rows.lockDue(r.tenantId, r.now, r.limit);
      if (!due.length) return [];
      const sendable = await this.applyRules(r, due);
      return this.admit(r, sendable);
    });
  }

  private async applyRules(
    r: ClaimRequest,
    due: QueuedRow[],
  ): Promise<Array<QueuedRow & { plan: DeliveryPlan }>> {
    const facts = await this.facts.load(
      r.tenantId,
      r.provider,
      r.now,
      due.map((m) => ({ to: m.to, template: m.content.template, purpose: m.content.purpose })),
    );
    const sendable: Array<QueuedRow & { plan: DeliveryPlan }> = [];
    for (const [i, message] of due.entries()) {
      const decision = decideDelivery(message.content, facts[i]);
      if (decision.ok) sendable.push({ ...message, plan: decision.plan });
      else {
        await this.rows.fail(message.id, decision, r.now);
        this.logger.info({ messageId: message.id, code: decision.code }, 'outbound message refused');
      }
    }
    return sendable;
  }

  private async admit(
    r: ClaimRequest,
    sendable: Array<QueuedRow & { plan: DeliveryPlan }>,
  ): Promise<ClaimedMessage[]> {
    if (!sendable.length) return [];
    const window = slidingWindow(
      await this.attempts.recent(r.tenantId, new Date(r.now.getTime() - MINUTE), r.ratePerMinute),
      r.ratePerMinute,
      MINUTE,
      r.now,
    );
    const tats = await this.pacing.load(r.tenantId, [...new Set(sendable.map((m) => m.to))]);
    const changedTats = new Map<string, Date>();
    const admitted: Array<QueuedRow & { plan: DeliveryPlan }> = [];
    const overLimit: string[] = [];
    for (const message of sendable) {
      if (admitted.length >= window.budget) {
        overLimit.push(message.id);
        continue;
      }
      const decision = pace(tats.get(message.to), r.now, PAIR_PACING);
      if (!decision.allowed) {
        await this.rows.defer([message.id], decision.notBefore);
        continue;
      }
      tats.set(message.to, decision.tat);
      changedTats.set(message.to, decision.tat);
      admitted.push(message);
    }
    await this.pacing.save(r.tenantId, changedTats);
    const leaseUntil = new Date(r.now.getTime() + r.leaseMs);
    await this.rows.markSending(
      admitted.map((m) => m.id),
      leaseUntil,
    );
    const nextSlot = window.nextSlotAt(admitted.length);
    await this.rows.defer(overLimit, nextSlot);
    const waiting =
      overLimit.length +
      (admitted.length >= window.budget ? await this.rows.deferAllDue(r.tenantId, r.now, nextSlot) : 0);
    if (waiting) this.metrics.rateLimitWaited(r.tenantId, (nextSlot.getTime() - r.now.getTime()) / 1000);
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
      plan: m.plan,
    }));
  }
}
