import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { BusinessRuleError, ValidationError, type FieldProblem } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { AiAllowance } from '../domain/AiAllowance';
import type { AutoResponderSettings, AutoResponderSettingsRepository } from '../domain/AutoResponderSettings';
import type { ChatCompletions } from '../domain/ChatCompletions';
import { settingsProblems } from '../domain/settingsProblems';

/**
 * PUT /settings/auto-responder (managers): the whole setting at once. Times, zones and patterns are
 * checked here (400 naming the field); turning the AI on needs AI_API_URL (422 AI_UNAVAILABLE) and
 * a plan with AI responses, new instructions a plan with custom ones (403 PLAN_FEATURE). Audited,
 * with what changed in outline (no texts).
 */
@injectable()
export class UpdateAutoResponder {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.AutoResponderSettings) private readonly settings: AutoResponderSettingsRepository,
    @inject(TYPES.AiAllowance) private readonly allowance: AiAllowance,
    @inject(TYPES.ChatCompletions) private readonly ai: ChatCompletions,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, input: AutoResponderSettings): Promise<AutoResponderSettings> {
    assertAllowed(actor, 'manage_settings');
    const problems: FieldProblem[] = settingsProblems(input);
    if (problems.length) throw new ValidationError('Invalid auto-responder settings', problems);
    if (input.ai.enabled) {
      if (!this.ai.configured)
        throw new BusinessRuleError('AI_UNAVAILABLE', 'No AI service is configured', {
          fields: [{ field: 'ai.enabled', message: 'needs AI_API_URL on the server' }],
        });
      await this.allowance.requireAiResponses(actor.tenantId);
    }
    // Only new instructions need the feature: a plan that lost it still saves the rest.
    const instructions = input.ai.instructions.trim();
    if (instructions && instructions !== (await this.settings.find(actor.tenantId)).ai.instructions.trim())
      await this.allowance.requireCustomInstructions(actor.tenantId);
    await this.db.run(async () => {
      await this.settings.save(actor.tenantId, input, actorLabel(actor));
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'AUTO_RESPONDER_UPDATED',
        details: {
          timezone: input.timezone,
          businessHours: input.businessHours !== null,
          holidays: input.holidays.length,
          awayMessage: input.awayMessage !== null,
          greeting: input.greeting !== null,
          rules: input.rules.length,
          ai: input.ai.enabled,
        },
      });
    });
    return input;
  }
}
