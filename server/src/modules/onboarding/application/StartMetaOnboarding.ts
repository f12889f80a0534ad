import crypto from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { UsageLimits } from '../../usage/application/UsageLimits';
import type { WhatsappConfigurationRepository } from '../../connection/domain/WhatsappConfiguration';
import type { Onboarding } from '../domain/Onboarding';
import type { OnboardingRepository } from '../domain/OnboardingRepository';
import { initialSteps } from '../domain/onboardingSteps';
import {
  auditOnboarding,
  notConfigured,
  ownOnboarding,
  refuseConnected,
  requestKeyOf,
} from './onboardingGuards';
import type { OnboardingRunner } from './OnboardingRunner';

export interface StartMetaOnboardingInput {
  tenantId: string;
  by: string;
  /** What Embedded Signup hands the browser: FB.login's code and the session message's ids. */
  code: string;
  wabaId: string;
  phoneNumberId: string;
}

/**
 * `POST /onboarding/meta` (SPEC §16): records the onboarding with its steps pending (the code and a
 * fresh 6-digit PIN encrypted) and starts running them in the background. The same code again
 * answers the same onboarding.
 */
@injectable()
export class StartMetaOnboarding {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.OnboardingRepository) private readonly onboardings: OnboardingRepository,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.OnboardingRunner) private readonly runner: OnboardingRunner,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
    @inject(TYPES.Config) private readonly config: Pick<Config, 'metaOnboarding'>,
  ) {}

  async execute(input: StartMetaOnboardingInput): Promise<Onboarding> {
    if (!this.config.metaOnboarding) throw notConfigured('META_APP_ID, META_APP_SECRET and META_CONFIG_ID');
    await this.limits.requireFeature(input.tenantId, 'api_number');
    const withCreditLine = Boolean(this.config.metaOnboarding.creditLine);
    const { onboarding, created } = await this.unitOfWork.run(async () => {
      const found = await this.onboardings.createOnce(requestKeyOf('meta', input.code), {
        tenantId: input.tenantId,
        provider: 'meta',
        wabaId: input.wabaId,
        phoneNumberId: input.phoneNumberId,
        steps: initialSteps('meta', withCreditLine),
        facts: {},
        secrets: { code: input.code, pin: await this.pinFor(input) },
        startedBy: input.by,
      });
      // Checked before the insert commits: a taken WABA or number leaves nothing behind.
      if (found.created) {
        await refuseConnected(this.connections, {
          tenantId: input.tenantId,
          provider: 'meta',
          phoneNumberId: input.phoneNumberId,
          businessAccountId: input.wabaId,
          credentials: {},
          settings: {},
        });
        await auditOnboarding(this.audit, found.onboarding, input.by, 'ONBOARDING_STARTED');
      }
      return found;
    });
    ownOnboarding(onboarding, input.tenantId);
    if (created || onboarding.status === 'running') this.runner.launch(onboarding.id);
    return onboarding;
  }

  /** A new 6-digit PIN, or the one the tenant registered this number with before (it is the number's two-step PIN). */
  private async pinFor(input: StartMetaOnboardingInput): Promise<string> {
    const previous = await this.onboardings.pinOf(input.tenantId, input.phoneNumberId);
    return previous ?? crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  }
}
