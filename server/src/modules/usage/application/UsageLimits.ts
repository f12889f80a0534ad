import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { PlanFeatureError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { DEFAULT_PLAN, type Plan } from '../../identity/domain/Plan';
import type { AiClaim } from '../domain/AiClaim';
import { termsOf, type Feature, type PlanTerms } from '../domain/Plans';
import { periodAt, type UsagePeriod } from '../domain/UsagePeriod';
import type { AiConversationSpans, TenantPlans, UsageCounters } from '../domain/UsageCounters';
import type { UsageAlerts } from './UsageAlerts';

const DAY_MS = 24 * 3_600_000;

export interface TenantTerms extends PlanTerms {
  plan: Plan;
  timezone: string;
  period: UsagePeriod;
}

/**
 * The one place plans are enforced (SPEC §17): features (`PLAN_FEATURE`), the monthly
 * `messages` and `ai_conversations` limits, counted in the caller's transaction (ambient,
 * docs/decisions/0003: every method joins the open `Database.run`, or opens its own).
 */
@injectable()
export class UsageLimits {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantPlans) private readonly plans: TenantPlans,
    @inject(TYPES.UsageCounters) private readonly counters: UsageCounters,
    @inject(TYPES.AiConversationSpans) private readonly spans: AiConversationSpans,
    @inject(TYPES.UsageAlerts) private readonly alerts: UsageAlerts,
  ) {}

  /** The tenant's plan with its overrides, and the period now. */
  async terms(tenantId: string): Promise<TenantTerms> {
    const row = await this.plans.find(tenantId);
    const plan = row?.plan ?? DEFAULT_PLAN;
    const timezone = row?.timezone ?? 'UTC';
    return { plan, timezone, period: periodAt(this.clock.now(), timezone), ...termsOf(plan, row?.overrides) };
  }

  async hasFeature(tenantId: string, feature: Feature): Promise<boolean> {
    return (await this.terms(tenantId)).features.has(feature);
  }

  /** Throws PlanFeatureError (403 `PLAN_FEATURE`) when the plan lacks the feature. */
  async requireFeature(tenantId: string, feature: Feature): Promise<void> {
    const terms = await this.terms(tenantId);
    if (!terms.features.has(feature)) throw new PlanFeatureError(feature, terms.plan);
  }

  /**
   * `multiple_responders` (SPEC §17): below `business` one staff user at a time is a conversation
   * assignee. The one the tenant's active conversations have now (besides `conversationId`), or
   * undefined when there is none or the plan allows several. Holds a tenant lock until the
   * caller's transaction ends, so two assignments cannot both pass.
   */
  async soleResponder(
    tenantId: string,
    conversationId?: string,
  ): Promise<{ several: boolean; current?: string }> {
    if (await this.hasFeature(tenantId, 'multiple_responders')) return { several: true };
    const assignees = await this.plans.lockAssignees(tenantId, conversationId);
    return { several: false, current: assignees[0] };
  }

  /** Throws PlanFeatureError (403 `PLAN_FEATURE`) when `userId` would be a second responder. */
  async assertResponder(tenantId: string, userId: string, conversationId?: string): Promise<void> {
    const { several, current } = await this.soleResponder(tenantId, conversationId);
    if (!several && current !== undefined && current !== userId)
      throw new PlanFeatureError('multiple_responders', (await this.terms(tenantId)).plan);
  }

  /**
   * Automatic assignments (a lead's rep) under the same rule: below `business`, only those to the
   * tenant's current responder — or, when there is none, to the first one asked for — are kept.
   */
  async oneResponder<A extends { assignedTo: string }>(tenantId: string, assignments: A[]): Promise<A[]> {
    if (!assignments.length) return assignments;
    const { several, current } = await this.soleResponder(tenantId);
    if (several) return assignments;
    const responder = current ?? assignments[0].assignedTo;
    return assignments.filter((a) => a.assignedTo === responder);
  }

  /**
   * One `ai_conversations` use per conversation per 24-hour span: the first AI answer of a span
   * counts, the others in it are free. Refused when the plan lacks `ai_responses` or the limit is
   * reached. Call it in the transaction that queues the AI's reply, so both commit together.
   */
  async claimAiConversation(tenantId: string, conversationId: string): Promise<AiClaim> {
    return this.db.run(async () => {
      const terms = await this.terms(tenantId);
      if (!terms.features.has('ai_responses')) return { allowed: false, reason: 'not_in_plan' } as const;
      const now = this.clock.now();
      const used = await this.counters.lock(tenantId, terms.period.start, 'ai_conversations');
      if (await this.spans.runningSince(tenantId, conversationId, new Date(now.getTime() - DAY_MS)))
        return { allowed: true, counted: false } as const;
      const limit = terms.limits.ai_conversations;
      const usage = { tenantId, period: terms.period, counter: 'ai_conversations' as const, limit };
      if (limit !== null && used >= limit) {
        await this.alerts.check({ ...usage, used, refused: true });
        return { allowed: false, reason: 'limit_reached' } as const;
      }
      await this.counters.add(tenantId, terms.period.start, 'ai_conversations', 1);
      await this.spans.start(tenantId, conversationId, now);
      await this.alerts.check({ ...usage, used: used + 1 });
      return { allowed: true, counted: true } as const;
    });
  }

  /**
   * Counts up to `n` messages against the month's limit in the caller's transaction (the row lock
   * is held until it ends); returns how many fit. Managers are alerted at 80% and 100%. A caller
   * that read the tenant's `terms` already passes them (one statement fewer).
   */
  async reserveMessages(
    tenantId: string,
    n: number,
    known?: TenantTerms,
  ): Promise<{ granted: number; terms: TenantTerms }> {
    return this.db.run(async () => {
      const terms = known ?? (await this.terms(tenantId));
      const limit = terms.limits.messages;
      const { granted, used } = await this.counters.reserve(
        tenantId,
        terms.period.start,
        'messages',
        n,
        limit,
      );
      const refused = granted < n;
      await this.alerts.check({ tenantId, period: terms.period, counter: 'messages', used, limit, refused });
      return { granted, terms };
    });
  }
}
