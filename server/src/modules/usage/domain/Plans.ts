import type { Plan } from '../../identity/domain/Plan';

/** SPEC §17: what a plan may do beyond sending within its limits. */
export const FEATURES = [
  'click_to_chat',
  'api_number',
  'ai_responses',
  'voice_transcription',
  'custom_ai_instructions',
  'multiple_responders',
] as const;
export type Feature = (typeof FEATURES)[number];

/** The monthly counters a plan limits. */
export const COUNTERS = ['messages', 'ai_conversations'] as const;
export type Counter = (typeof COUNTERS)[number];

/** A limit per month; `null` is unlimited. */
export type Limits = Record<Counter, number | null>;

export interface PlanTerms {
  limits: Limits;
  features: ReadonlySet<Feature>;
}

const STARTER: Feature[] = ['click_to_chat'];
const PROFESSIONAL: Feature[] = [
  ...STARTER,
  'api_number',
  'ai_responses',
  'voice_transcription',
  'custom_ai_instructions',
];
const BUSINESS: Feature[] = [...PROFESSIONAL, 'multiple_responders'];

/** The plan table of SPEC §17, the one place limits and features are written down. */
export const PLAN_TABLE: Record<Plan, { limits: Limits; features: readonly Feature[] }> = {
  free: { limits: { messages: 0, ai_conversations: 0 }, features: [] },
  starter: { limits: { messages: 0, ai_conversations: 0 }, features: STARTER },
  professional: { limits: { messages: 1_000, ai_conversations: 500 }, features: PROFESSIONAL },
  business: { limits: { messages: 5_000, ai_conversations: 2_500 }, features: BUSINESS },
  enterprise: { limits: { messages: null, ai_conversations: null }, features: FEATURES },
};

/** What a tenant's row says differently from its plan (`tenants.plan_overrides`). */
export interface PlanOverrides {
  limits?: Partial<Limits>;
  /** `true` adds a feature the plan lacks, `false` takes one away. */
  features?: Partial<Record<Feature, boolean>>;
}

export const isFeature = (value: string): value is Feature => (FEATURES as readonly string[]).includes(value);
export const isCounter = (value: string): value is Counter => (COUNTERS as readonly string[]).includes(value);

/** The plan's terms with the tenant's overrides applied; unknown override keys are ignored. */
export function termsOf(plan: Plan, overrides: PlanOverrides = {}): PlanTerms {
  const base = PLAN_TABLE[plan];
  const limits: Limits = { ...base.limits };
  for (const [counter, limit] of Object.entries(overrides.limits ?? {}))
    if (isCounter(counter) && (limit === null || (Number.isInteger(limit) && (limit as number) >= 0)))
      limits[counter] = limit as number | null;
  const features = new Set<Feature>(base.features);
  for (const [feature, on] of Object.entries(overrides.features ?? {}))
    if (isFeature(feature)) {
      if (on === true) features.add(feature);
      if (on === false) features.delete(feature);
    }
  return { limits, features };
}
