import type { PricePerCategory } from './Pricing';
import type { Plan } from '../../identity/domain/Plan';
import type { Counter, PlanOverrides } from './Plans';

/** A tenant's plan as its row has it. */
export interface TenantPlan {
  plan: Plan;
  overrides: PlanOverrides;
  /** IANA zone; the periods are its calendar months. */
  timezone: string;
  /** `tenants.settings.pricePerCategory`, as stored (read with readPrices). */
  pricePerCategory?: unknown;
}

export interface TenantPlans {
  find(tenantId: string): Promise<TenantPlan | undefined>;
  /**
   * The staff users who are assignees of the tenant's active conversations (but `except`), after
   * locking the tenant's row so that concurrent assignments take turns.
   */
  lockAssignees(tenantId: string, except?: string): Promise<string[]>;
  /** Every tenant's id and timezone (the reset job opens their periods). */
  timezones(): Promise<Array<{ tenantId: string; timezone: string }>>;
  /** Stores `settings.pricePerCategory` (undefined removes it). */
  savePrices(tenantId: string, prices: PricePerCategory | undefined): Promise<void>;
}

/** One row of `usage_counters`. */
export interface CounterRow {
  counter: string;
  used: number;
}

export type ThresholdLevel = 80 | 100;

/**
 * Port: the counters of one tenant and period. `reserve` and `lock` hold the counter's row lock
 * until the caller's transaction ends, so instances serialize on it and never count past a limit.
 */
export interface UsageCounters {
  /** Adds up to `n` without passing `limit` (null: no limit); returns how many were granted and the total. */
  reserve(
    tenantId: string,
    period: string,
    counter: Counter,
    n: number,
    limit: number | null,
  ): Promise<{ granted: number; used: number }>;
  /** Locks the counter's row (created at 0) and returns its count. */
  lock(tenantId: string, period: string, counter: Counter): Promise<number>;
  /** Gives units back (a message that failed before the provider accepted it). */
  release(tenantId: string, period: string, counter: string, n: number): Promise<void>;
  /**
   * A message that failed before any provider accepted it stops counting: its `usage_period` is
   * cleared and the unit given back, once (the row's own update decides).
   */
  releaseMessage(messageId: string): Promise<void>;
  /** Adds `n` to a counter with no limit (billable messages per pricing category). */
  add(tenantId: string, period: string, counter: string, n: number): Promise<void>;
  /** True the first time the level is marked for the counter in the period. */
  markAlerted(tenantId: string, period: string, counter: Counter, level: ThresholdLevel): Promise<boolean>;
  list(tenantId: string, period: string): Promise<CounterRow[]>;
  /** Creates the period's rows (at 0) that do not exist yet; returns how many were created. */
  open(tenantId: string, period: string, counters: readonly Counter[]): Promise<number>;
}

/**
 * Port: the 24-hour spans in which one conversation counts as one AI conversation. Callers hold
 * the tenant's `ai_conversations` counter lock, so reading then starting a span is safe.
 */
export interface AiConversationSpans {
  /** Whether the conversation has a span that started after `since`. */
  runningSince(tenantId: string, conversationId: string, since: Date): Promise<boolean>;
  /** Starts (or restarts) the conversation's span at `at`. */
  start(tenantId: string, conversationId: string, at: Date): Promise<void>;
}
