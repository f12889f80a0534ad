import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import type { MetaSignupApi } from '../domain/MetaSignupApi';
import type { Onboarding, StepName } from '../domain/Onboarding';
import { e164Of } from '../domain/onboardingSteps';
import { OnboardingStepError } from '../domain/OnboardingStepError';
import type { OnboardingSteps, StepOutcome } from './StepOutcome';

/**
 * Meta Embedded Signup (SPEC §16), each step safe to run again: the token is exchanged once and
 * kept (a code works only once), the PIN was drawn when the onboarding began, subscribing and
 * registering with the same PIN are idempotent at Meta, the credit line is shared once.
 */
@injectable()
export class MetaOnboardingSteps implements OnboardingSteps {
  constructor(
    @inject(TYPES.MetaSignupApi) private readonly graph: MetaSignupApi,
    @inject(TYPES.Config) private readonly config: Pick<Config, 'metaOnboarding'>,
  ) {}

  async run(step: StepName, o: Onboarding): Promise<StepOutcome> {
    const wabaId = o.wabaId as string;
    const phoneNumberId = o.phoneNumberId as string;
    switch (step) {
      case 'exchange_token':
        if (o.secrets.accessToken) return {};
        if (!o.secrets.code) throw new OnboardingStepError({ message: 'the code is gone: start again' });
        return { secrets: { accessToken: await this.graph.exchangeCode(o.secrets.code), code: undefined } };
      case 'subscribe_webhooks':
        await this.graph.subscribeApp(wabaId, token(o));
        return {};
      case 'register_phone':
        await this.graph.registerPhone(phoneNumberId, o.secrets.pin as string, token(o));
        return {};
      case 'share_credit_line':
        if (o.facts.creditAllocationId) return {};
        return { facts: { creditAllocationId: await this.graph.shareCreditLine(wabaId) } };
      case 'fetch_number': {
        const number = await this.graph.fetchNumber(phoneNumberId, token(o));
        const phoneNumber = e164Of(number.displayPhoneNumber);
        if (!phoneNumber)
          throw new OnboardingStepError({
            message: `unexpected display_phone_number: ${number.displayPhoneNumber}`,
          });
        return { facts: { ...number, phoneNumber } };
      }
      case 'activate':
        return this.activate(o);
      default:
        throw new OnboardingStepError({ message: `${step} is not a Meta onboarding step` });
    }
  }

  private async activate(o: Onboarding): Promise<StepOutcome> {
    const expiresAt = await this.graph.tokenExpiry(token(o));
    return {
      facts: { tokenExpiresAt: expiresAt?.toISOString() },
      connect: {
        tenantId: o.tenantId,
        provider: 'meta',
        phoneNumber: o.facts.phoneNumber,
        phoneNumberId: o.phoneNumberId,
        businessAccountId: o.wabaId,
        credentials: {
          accessToken: token(o),
          // Meta signs every delivery of the app's WABAs with the app secret (docs/decisions/0020).
          webhookSecret: this.config.metaOnboarding?.appSecret,
        },
        settings: {},
      },
    };
  }
}

function token(o: Onboarding): string {
  if (!o.secrets.accessToken)
    throw new OnboardingStepError({ message: 'no business token: exchange_token first' });
  return o.secrets.accessToken;
}
