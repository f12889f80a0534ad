import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { UsageLimits } from '../../usage/application/UsageLimits';
import type { AiAllowance, AiAllowanceClaim } from '../domain/AiAllowance';

/**
 * The plan's `ai_responses` and `custom_ai_instructions` features and `ai_conversations` counter
 * (SPEC §17), from the usage module.
 */
@injectable()
export class UsageAiAllowance implements AiAllowance {
  constructor(@inject(TYPES.UsageLimits) private readonly limits: UsageLimits) {}

  requireAiResponses(tenantId: string): Promise<void> {
    return this.limits.requireFeature(tenantId, 'ai_responses');
  }

  requireCustomInstructions(tenantId: string): Promise<void> {
    return this.limits.requireFeature(tenantId, 'custom_ai_instructions');
  }

  usesCustomInstructions(tenantId: string): Promise<boolean> {
    return this.limits.hasFeature(tenantId, 'custom_ai_instructions');
  }

  async claim(tenantId: string, conversationId: string): Promise<AiAllowanceClaim> {
    const claim = await this.limits.claimAiConversation(tenantId, conversationId);
    return claim.allowed ? { allowed: true } : { allowed: false, reason: claim.reason };
  }
}
