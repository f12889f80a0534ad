import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { PermissionError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AiAllowance, AiAllowanceClaim } from '../domain/AiAllowance';

/** AI conversations a month by plan (SPEC §17); null: unlimited. */
const AI_CONVERSATIONS: Record<string, number | null> = {
  free: 0,
  starter: 0,
  professional: 500,
  business: 2500,
  enterprise: null,
};

/** 403 `PLAN_FEATURE`. */
class PlanFeatureError extends PermissionError {
  constructor() {
    super('AI responses are not in this tenant’s plan', { feature: 'ai_responses' });
    (this as { code: string }).code = 'PLAN_FEATURE';
  }
}

/**
 * The plan as `tenants.plan` says, the AI conversations counted from this module's own requests: a
 * conversation counts once per 24 hours (a request in it in the last 24 hours means it is counted),
 * a month is the calendar month in UTC. Serialised per tenant by a transaction-scoped advisory lock.
 */
@injectable()
export class PlanAiAllowance implements AiAllowance {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async requireAiResponses(tenantId: string): Promise<void> {
    if ((await this.limit(tenantId)) === 0) throw new PlanFeatureError();
  }

  async claim(tenantId: string, conversationId: string): Promise<AiAllowanceClaim> {
    const limit = await this.limit(tenantId);
    if (limit === 0) return { allowed: false, reason: 'not_in_plan' };
    if (limit === null) return { allowed: true };
    const now = this.clock.now();
    await this.db.q.raw(`SELECT pg_advisory_xact_lock(hashtext('ai-allowance:' || ?))`, [tenantId]);
    const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
    const recent = await this.db
      .q('auto_responder_ai_requests')
      .where({ tenant_id: tenantId, conversation_id: conversationId })
      .where('created_at', '>', dayAgo)
      .first('id');
    if (recent) return { allowed: true };
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
    const [{ n }] = (
      await this.db.q.raw<{ rows: Array<{ n: string }> }>(
        `SELECT count(*) AS n FROM (
         SELECT DISTINCT ON (conversation_id, date_trunc('day', created_at)) 1
           FROM auto_responder_ai_requests WHERE tenant_id = ? AND created_at >= ?::timestamptz) spans`,
        [tenantId, monthStart],
      )
    ).rows;
    return Number(n) < limit ? { allowed: true } : { allowed: false, reason: 'limit_reached' };
  }

  private async limit(tenantId: string): Promise<number | null> {
    const row = (await this.db.q('tenants').where({ id: tenantId }).first('plan')) as
      { plan: string } | undefined;
    const plan = row?.plan ?? 'free';
    return plan in AI_CONVERSATIONS ? AI_CONVERSATIONS[plan] : 0;
  }
}
