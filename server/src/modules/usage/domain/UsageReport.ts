import type { Plan } from '../../identity/domain/Plan';
import { BILLABLE_PREFIX, type PricePerCategory } from './Pricing';
import { COUNTERS, type Counter, type Feature, type Limits } from './Plans';
import type { UsagePeriod } from './UsagePeriod';
import type { CounterRow } from './UsageCounters';

/** GET /usage (SPEC §17): the period, used/limit per counter, billable per category, the cost. */
export interface UsageReport {
  plan: Plan;
  timezone: string;
  period: UsagePeriod;
  features: Feature[];
  counters: Array<{ counter: Counter; used: number; limit: number | null }>;
  billable: Array<{ category: string; messages: number; unitPrice: number | null; cost: number | null }>;
  /** Present when `settings.pricePerCategory` is set: billable messages times their category's price. */
  estimatedCost: { currency: string | null; total: number } | null;
}

const round = (n: number) => Math.round(n * 1_000_000) / 1_000_000;

export function usageReport(
  base: { plan: Plan; timezone: string; period: UsagePeriod; features: ReadonlySet<Feature>; limits: Limits },
  rows: CounterRow[],
  prices: PricePerCategory | undefined,
): UsageReport {
  const used = new Map(rows.map((r) => [r.counter, r.used]));
  const billable = rows
    .filter((r) => r.counter.startsWith(BILLABLE_PREFIX) && r.used > 0)
    .map((r) => {
      const category = r.counter.slice(BILLABLE_PREFIX.length);
      const unitPrice = prices?.prices[category] ?? null;
      return {
        category,
        messages: r.used,
        unitPrice,
        cost: unitPrice === null ? null : round(unitPrice * r.used),
      };
    });
  return {
    plan: base.plan,
    timezone: base.timezone,
    period: base.period,
    features: [...base.features],
    counters: COUNTERS.map((counter) => ({
      counter,
      used: used.get(counter) ?? 0,
      limit: base.limits[counter],
    })),
    billable,
    estimatedCost: prices
      ? {
          currency: prices.currency ?? null,
          total: round(billable.reduce((sum, b) => sum + (b.cost ?? 0), 0)),
        }
      : null,
  };
}
