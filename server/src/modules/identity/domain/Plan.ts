/** The plans of SPEC §17 (`tenants.plan`); their limits and features belong to the plans module. */
export const PLANS = ['free', 'starter', 'professional', 'business', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** Existing tenants and the default tenant are unlimited until an operator says otherwise. */
export const DEFAULT_PLAN: Plan = 'enterprise';

export const isPlan = (value: string): value is Plan => (PLANS as readonly string[]).includes(value);
