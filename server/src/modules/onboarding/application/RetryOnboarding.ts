import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { ConflictError, NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { Onboarding } from '../domain/Onboarding';
import type { OnboardingRepository } from '../domain/OnboardingRepository';
import { resumed } from '../domain/onboardingSteps';
import { auditOnboarding } from './onboardingGuards';
import type { OnboardingRunner } from './OnboardingRunner';

/** `POST /onboarding/:id/retry`: a failed onboarding runs again from its failed step. */
@injectable()
export class RetryOnboarding {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.OnboardingRepository) private readonly onboardings: OnboardingRepository,
    @inject(TYPES.OnboardingRunner) private readonly runner: OnboardingRunner,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(id: string, tenantId: string, by: string): Promise<Onboarding> {
    const retried = await this.unitOfWork.run(async () => {
      const o = await this.onboardings.find(id, tenantId, true);
      if (!o) throw new NotFoundError('onboarding', id);
      if (o.status !== 'failed')
        throw new ConflictError(
          'ONBOARDING_NOT_FAILED',
          `The onboarding is ${o.status}: only a failed one is retried`,
        );
      await auditOnboarding(this.audit, o, by, 'ONBOARDING_RETRIED');
      return this.onboardings.save(resumed(o, this.clock.now()));
    });
    this.runner.launch(retried.id);
    return retried;
  }
}
