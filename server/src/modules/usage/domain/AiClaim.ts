/** The answer to "may the AI answer this conversation now?" (SPEC §17, §23). */
export type AiClaim =
  | { allowed: true; /** false when the conversation's 24-hour span was already counted */ counted: boolean }
  | { allowed: false; reason: 'not_in_plan' | 'limit_reached' };

/** Limit thresholds at which managers are alerted, once each per period. */
export const thresholdReached = (used: number, limit: number | null): 80 | 100 | undefined => {
  if (limit === null || limit === 0) return undefined;
  if (used >= limit) return 100;
  return used * 100 >= limit * 80 ? 80 : undefined;
};
