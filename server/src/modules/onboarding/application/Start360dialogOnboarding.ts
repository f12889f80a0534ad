import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { UsageLimits } from '../../usage/application/UsageLimits';
import type { Onboarding } from '../domain/Onboarding';
import type { OnboardingRepository } from '../domain/OnboardingRepository';
import { initialSteps } from '../domain/onboardingSteps';
import { auditOnboarding, notConfigured, ownOnboarding, requestKeyOf } from './onboardingGuards';
import type { OnboardingRunner } from './OnboardingRunner';

/**
 * `POST /onboarding/360dialog` (SPEC §16): the channel 360dialog's Connect button redirected back
 * with; its steps run in the background. The same channel again answers the same onboarding.
 */
@injectable()
export class Start360dialogOnboarding {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.OnboardingRepository) private readonly onboardings: OnboardingRepository,
    @inject(TYPES.OnboardingRunner) private readonly runner: OnboardingRunner,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
    @inject(TYPES.Config) private readonly config: Pick<Config, 'dialog360Partner'>,
  ) {}

  async execute(input: { tenantId: string; by: string; channelId: string }): Promise<Onboarding> {
    if (!this.config.dialog360Partner)
      throw notConfigured('DIALOG360_PARTNER_ID and DIALOG360_PARTNER_API_KEY');
    await this.limits.requireFeature(input.tenantId, 'api_number');
    const { onboarding, created } = await this.unitOfWork.run(async () => {
      const found = await this.onboardings.createOnce(requestKeyOf('360dialog', input.channelId), {
        tenantId: input.tenantId,
        provider: '360dialog',
        channelId: input.channelId,
        steps: initialSteps('360dialog', false),
        facts: {},
        secrets: {},
        startedBy: input.by,
      });
      if (found.created) await auditOnboarding(this.audit, found.onboarding, input.by, 'ONBOARDING_STARTED');
      return found;
    });
    ownOnboarding(onboarding, input.tenantId);
    if (created || onboarding.status === 'running') this.runner.launch(onboarding.id);
    return onboarding;
  }
}
