import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Logger } from '../../../shared/logging/createLogger';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { TenantDirectory } from '../../connection/application/TenantDirectory';
import type { Onboarding, StepError, StepName } from '../domain/Onboarding';
import type { OnboardingRepository } from '../domain/OnboardingRepository';
import { nextStep, stepDone, stepFailed } from '../domain/onboardingSteps';
import { OnboardingStepError } from '../domain/OnboardingStepError';
import { ConnectOnboardedNumber } from './ConnectOnboardedNumber';
import { Dialog360OnboardingSteps } from './Dialog360OnboardingSteps';
import { MetaOnboardingSteps } from './MetaOnboardingSteps';

/** Long enough for every step's provider call to time out once (15 s each). */
export const ONBOARDING_LEASE_MS = 2 * 60_000;

/**
 * Runs an onboarding's pending steps in order under a lease (one instance at a time; a dead
 * instance's lease expires and the `onboarding-resume` job takes over). Each step's provider call
 * runs outside any transaction; what it learnt and its `done` are saved in one. A failure stops
 * the onboarding at that step with the provider's error, until a retry.
 */
@injectable()
export class RunOnboarding {
  constructor(
    @inject(TYPES.OnboardingRepository) private readonly onboardings: OnboardingRepository,
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(MetaOnboardingSteps) private readonly meta: MetaOnboardingSteps,
    @inject(Dialog360OnboardingSteps) private readonly dialog360: Dialog360OnboardingSteps,
    @inject(ConnectOnboardedNumber) private readonly connect: ConnectOnboardedNumber,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** The onboarding as its run left it; undefined when another instance is running it. */
  async execute(id: string): Promise<Onboarding | undefined> {
    const now = this.clock.now();
    let o = await this.onboardings.lease(id, now, new Date(now.getTime() + ONBOARDING_LEASE_MS));
    if (!o) return undefined;
    try {
      for (let step = nextStep(o); step && o.status === 'running'; step = nextStep(o))
        o = await this.runStep(o, step.name);
    } finally {
      await this.onboardings.release(id);
    }
    return o;
  }

  private async runStep(o: Onboarding, name: StepName): Promise<Onboarding> {
    try {
      const outcome = await (o.provider === 'meta' ? this.meta : this.dialog360).run(name, o);
      const learnt = {
        ...o,
        facts: { ...o.facts, ...outcome.facts },
        secrets: { ...o.secrets, ...outcome.secrets },
      };
      const saved = await this.unitOfWork.run(async () => {
        const connectionId = outcome.connect
          ? await this.connect.execute(learnt, outcome.connect)
          : learnt.connectionId;
        return this.onboardings.save(stepDone({ ...learnt, connectionId }, name, this.clock.now()));
      });
      if (outcome.connect) this.directory.invalidate();
      return saved;
    } catch (error) {
      const detail = stepErrorOf(error);
      this.logger.warn(
        { onboardingId: o.id, tenantId: o.tenantId, step: name, error: detail },
        'onboarding step failed',
      );
      return this.onboardings.save(stepFailed(o, name, detail, this.clock.now()));
    }
  }
}

function stepErrorOf(error: unknown): StepError {
  if (error instanceof OnboardingStepError) return error.detail;
  return { message: `internal error: ${(error as Error).message}` };
}
