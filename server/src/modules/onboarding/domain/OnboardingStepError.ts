import type { StepError } from './Onboarding';

/**
 * A provider refused or failed a step. `conflict`: what the business connects is someone else's
 * (a WABA or number of another tenant); the rest are the provider's own answers.
 */
export class OnboardingStepError extends Error {
  constructor(
    readonly detail: StepError,
    readonly kind: 'refused' | 'unavailable' | 'conflict' = 'refused',
  ) {
    super(detail.message);
    this.name = 'OnboardingStepError';
  }
}
