import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { RunOnboarding } from './RunOnboarding';

/**
 * Runs onboardings in the background of this instance, so the request that starts one is answered
 * at once (202). What a restart interrupts is picked up by the `onboarding-resume` job.
 */
@injectable()
export class OnboardingRunner {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @inject(RunOnboarding) private readonly run: RunOnboarding,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  start(id: string): void {
    const running: Promise<void> = this.run
      .execute(id)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error, onboardingId: id }, 'onboarding run failed'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /** Resolves once every run started here has ended (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
