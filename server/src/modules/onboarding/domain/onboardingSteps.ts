import {
  DIALOG360_STEPS,
  META_STEPS,
  type Onboarding,
  type OnboardingStep,
  type StepError,
  type StepName,
} from './Onboarding';

/** The steps a new onboarding starts with, all pending; credit-line sharing only when one is set. */
export function initialSteps(provider: Onboarding['provider'], withCreditLine: boolean): OnboardingStep[] {
  const names: readonly StepName[] =
    provider === 'meta'
      ? META_STEPS.filter((s) => s !== 'share_credit_line' || withCreditLine)
      : DIALOG360_STEPS;
  return names.map((name) => ({ name, status: 'pending' }));
}

/** The first step not done yet, or undefined when every step is. */
export const nextStep = (o: Onboarding): OnboardingStep | undefined =>
  o.steps.find((s) => s.status !== 'done');

const withStep = (o: Onboarding, name: StepName, step: Partial<OnboardingStep>, at: Date): Onboarding => ({
  ...o,
  steps: o.steps.map((s) =>
    s.name === name ? { name, status: step.status ?? s.status, at: at.toISOString(), error: step.error } : s,
  ),
});

/** `pending → done`; the onboarding is done with its last step. */
export function stepDone(o: Onboarding, name: StepName, at: Date): Onboarding {
  const next = withStep(o, name, { status: 'done' }, at);
  return { ...next, status: nextStep(next) ? 'running' : 'done' };
}

/** `pending → failed` with the provider's error; the onboarding stops there until retried. */
export const stepFailed = (o: Onboarding, name: StepName, error: StepError, at: Date): Onboarding => ({
  ...withStep(o, name, { status: 'failed', error }, at),
  status: 'failed',
});

/** A retry: the failed step is pending again and the onboarding runs from it. */
export function resumed(o: Onboarding, at: Date): Onboarding {
  return {
    ...o,
    status: 'running',
    steps: o.steps.map((s) =>
      s.status === 'failed' ? { name: s.name, status: 'pending', at: at.toISOString() } : s,
    ),
  };
}

/** Graph's display numbers (`+1 555-010-0199`, `15550100199`) as E.164. */
export const e164Of = (display: string | undefined): string | undefined => {
  const digits = display?.replace(/\D/g, '');
  return digits && digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
};
