/** May the AI answer this conversation now? (SPEC §17: counted once per conversation per 24 hours.) */
export type AiAllowanceClaim =
  { allowed: true } | { allowed: false; reason: 'not_in_plan' | 'limit_reached' };

/**
 * Port: the tenant's plan as far as the AI goes (features `ai_responses` and
 * `custom_ai_instructions`, counter `ai_conversations`).
 */
export interface AiAllowance {
  /** Throws 403 PLAN_FEATURE when the plan has no AI responses. */
  requireAiResponses(tenantId: string): Promise<void>;
  /** Throws 403 PLAN_FEATURE when the plan does not let the tenant instruct the AI. */
  requireCustomInstructions(tenantId: string): Promise<void>;
  /** Whether the tenant's own instructions are given to the AI (else a neutral system prompt). */
  usesCustomInstructions(tenantId: string): Promise<boolean>;
  /** Counts the conversation (once per 24-hour span) or says why not; in the caller's transaction. */
  claim(tenantId: string, conversationId: string): Promise<AiAllowanceClaim>;
}
