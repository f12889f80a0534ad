/**
 * Meta's `pricing` object of a status webhook (Cloud API, per-message pricing):
 * `{ billable, pricing_model: "PMP", type: "regular" | "free_customer_service" | …, category }`.
 */
export interface MessagePricing {
  /** `marketing`, `utility`, `authentication`, `service`, … lower case, as Meta names it. */
  category: string;
  billable: boolean;
}

const CATEGORY = /^[a-z][a-z0-9_]{0,31}$/;

/** Read leniently: Meta adds fields; a missing `billable` follows `type` (only `regular` is charged). */
export function readPricing(pricing: Record<string, unknown> | undefined): MessagePricing | undefined {
  const category = typeof pricing?.category === 'string' ? pricing.category.trim().toLowerCase() : '';
  if (!pricing || !CATEGORY.test(category)) return undefined;
  const billable =
    typeof pricing.billable === 'boolean'
      ? pricing.billable
      : typeof pricing.type === 'string'
        ? pricing.type === 'regular'
        : true;
  return { category, billable };
}

export const BILLABLE_PREFIX = 'billable:';

/** `tenants.settings.pricePerCategory`: a price per billable message by category, and a currency. */
export interface PricePerCategory {
  currency?: string;
  prices: Record<string, number>;
}

export function readPrices(setting: unknown): PricePerCategory | undefined {
  if (!setting || typeof setting !== 'object') return undefined;
  const prices: Record<string, number> = {};
  let currency: string | undefined;
  for (const [key, value] of Object.entries(setting as Record<string, unknown>)) {
    if (key === 'currency' && typeof value === 'string') currency = value;
    else if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
      prices[key.toLowerCase()] = value;
  }
  return Object.keys(prices).length ? { currency, prices } : undefined;
}
