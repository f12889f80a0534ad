import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { ConnectOnboardedNumber } from './application/ConnectOnboardedNumber';
import { Dialog360OnboardingSteps } from './application/Dialog360OnboardingSteps';
import { MetaOnboardingSteps } from './application/MetaOnboardingSteps';
import { OnboardingRunner } from './application/OnboardingRunner';
import { ResumeOnboardingsJob } from './application/ResumeOnboardingsJob';
import { RetryOnboarding } from './application/RetryOnboarding';
import { RunOnboarding } from './application/RunOnboarding';
import { Start360dialogOnboarding } from './application/Start360dialogOnboarding';
import { StartMetaOnboarding } from './application/StartMetaOnboarding';
import { TokenExpiryAlertsJob } from './application/TokenExpiryAlertsJob';
import { Dialog360PartnerClient } from './infrastructure/Dialog360PartnerClient';
import { GraphSignupClient } from './infrastructure/GraphSignupClient';
import { KnexExpiringTokens } from './infrastructure/KnexExpiringTokens';
import { KnexOnboardingRepository } from './infrastructure/KnexOnboardingRepository';

/** A business connects its own number (SPEC §16): Meta Embedded Signup, 360dialog's Connect button. */
export const onboardingModule = new ContainerModule(({ bind }) => {
  bind(TYPES.OnboardingRepository).to(KnexOnboardingRepository);
  bind(TYPES.MetaSignupApi).to(GraphSignupClient);
  bind(TYPES.Dialog360PartnerApi).to(Dialog360PartnerClient);
  bind(TYPES.ExpiringTokens).to(KnexExpiringTokens);
  bind(MetaOnboardingSteps).toSelf();
  bind(Dialog360OnboardingSteps).toSelf();
  bind(ConnectOnboardedNumber).toSelf();
  bind(RunOnboarding).toSelf();
  bind(TYPES.OnboardingRunner).to(OnboardingRunner);
  bind(TYPES.BackgroundWorkers).toService(TYPES.OnboardingRunner);
  bind(TYPES.StartMetaOnboarding).to(StartMetaOnboarding);
  bind(TYPES.Start360dialogOnboarding).to(Start360dialogOnboarding);
  bind(TYPES.RetryOnboarding).to(RetryOnboarding);
  bind(TYPES.Jobs).to(ResumeOnboardingsJob);
  bind(TYPES.Jobs).to(TokenExpiryAlertsJob);
});
