import type { ConnectionDefinition } from '../../connection/domain/WhatsappConfiguration';
import type { Onboarding, OnboardingFacts, OnboardingSecrets, StepName } from '../domain/Onboarding';

/** What a step learnt; `connect`: the connection to create in the step's transaction (the last step). */
export interface StepOutcome {
  facts?: OnboardingFacts;
  secrets?: OnboardingSecrets;
  connect?: ConnectionDefinition;
}

/** One provider's steps: the provider calls of each, outside any transaction. */
export interface OnboardingSteps {
  run(step: StepName, onboarding: Onboarding): Promise<StepOutcome>;
}
