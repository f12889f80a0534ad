import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { RunOnboarding } from './RunOnboarding';

/**
 * Runs onboardings in the background of this instance, so the request that starts one is answered
 * at once (202). A background worker of its own: shutting down waits for the runs in hand (each a
 * few provider calls) and starts no more; what a crash interrupts is picked up by the
 * `onboarding-resume` job once its lease expires.
 */
@injectable()
export class OnboardingRunner {
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    @inject(RunOnboarding) private readonly run: RunOnboarding,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** As a background worker: runs begin on request (`launch`), nothing to arm. */
  start(): void {}

  /** Runs the onboarding's pending steps in the background (not once shutting down). */
  launch(id: string): void {
    if (this.stopping) return;
    const running: Promise<void> = this.run
      .execute(id)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error, onboardingId: id }, 'onboarding run failed'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  /** Resolves once every run started here has ended (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
