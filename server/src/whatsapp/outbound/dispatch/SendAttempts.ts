import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { SendStats } from './panicTrigger';
import type { RecentSends } from './slidingWindow';

export type AttemptOutcome = 'pending' | 'sent' | 'failed' | 'retryable' | 'throttled' | 'auth';

export interface NewAttempt {
  tenantId: string;
  messageId: string;
  recipient: string;
  at: Date;
}

/**
 * whatsapp_send_attempts: every send handed to a provider, logged when it is claimed (so the
 * sliding-minute limit counts it across instances before it goes) and given its outcome after.
 */
@injectable()
export class SendAttempts {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /**
   * The tenant's newest attempts after `since`, at most `limit` of them: how many, and when the
   * oldest of those was made (see slidingWindow). Counted in the database: the log can hold
   * thousands of rows a minute, and only two numbers matter.
   */
  async recent(tenantId: string, since: Date, limit: number): Promise<RecentSends> {
    const newest = this.db
      .q('whatsapp_send_attempts')
      .where({ tenant_id: tenantId })
      .where('attempted_at', '>', since)
      .orderBy('attempted_at', 'desc')
      .limit(limit)
      .select('attempted_at');
    const row = (await this.db.q
      .from(newest.as('newest'))
      .first(
        this.db.knex.raw('count(*)::int AS count'),
        this.db.knex.raw('min(attempted_at) AS oldest'),
      )) as {
      count: number;
      oldest: Date | null;
    };
    return { count: row.count, oldest: row.oldest ? new Date(row.oldest) : undefined };
  }

  /** Returns the new rows' ids in the order given. */
  async record(attempts: NewAttempt[]): Promise<string[]> {
    if (!attempts.length) return [];
    const rows = (await this.db
      .q('whatsapp_send_attempts')
      .insert(
        attempts.map((a) => ({
          tenant_id: a.tenantId,
          message_id: a.messageId,
          recipient: a.recipient,
          attempted_at: a.at,
        })),
      )
      .returning(['id', 'message_id'])) as Array<{ id: string | number; message_id: string }>;
    const byMessage = new Map(rows.map((r) => [r.message_id, String(r.id)]));
    return attempts.map((a) => byMessage.get(a.messageId) as string);
  }

  async settle(attemptId: string, outcome: AttemptOutcome, errorCode?: string): Promise<void> {
    await this.db
      .q('whatsapp_send_attempts')
      .where({ id: attemptId })
      .update({ outcome, error_code: errorCode ?? null });
  }

  /** An attempt that never reached the provider: it no longer counts against the rate limit. */
  async forget(attemptId: string): Promise<void> {
    await this.db.q('whatsapp_send_attempts').where({ id: attemptId }).delete();
  }

  async stats(tenantId: string, since: Date): Promise<SendStats> {
    const row = (await this.db
      .q('whatsapp_send_attempts')
      .where({ tenant_id: tenantId })
      .where('attempted_at', '>', since)
      .whereNot({ outcome: 'pending' })
      .first(
        this.db.knex.raw('count(*)::int AS tried'),
        this.db.knex.raw(`count(*) FILTER (WHERE outcome IN ('failed','retryable','auth'))::int AS failed`),
        this.db.knex.raw(`count(*) FILTER (WHERE outcome = 'throttled')::int AS throttled`),
        this.db.knex.raw(`min(attempted_at) FILTER (WHERE outcome = 'throttled') AS first_throttled`),
        this.db.knex.raw(`max(attempted_at) FILTER (WHERE outcome = 'throttled') AS last_throttled`),
      )) as {
      tried: number;
      failed: number;
      throttled: number;
      first_throttled: Date | null;
      last_throttled: Date | null;
    };
    return {
      tried: row.tried,
      failed: row.failed,
      throttled: row.throttled,
      firstThrottledAt: row.first_throttled ? new Date(row.first_throttled) : undefined,
      lastThrottledAt: row.last_throttled ? new Date(row.last_throttled) : undefined,
    };
  }

  /** Housekeeping: the log is only read over the last few minutes. */
  async deleteBefore(before: Date): Promise<number> {
    return Number(await this.db.q('whatsapp_send_attempts').where('attempted_at', '<', before).delete());
  }
}
