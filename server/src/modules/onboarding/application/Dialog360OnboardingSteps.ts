import crypto from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import type { Dialog360PartnerApi } from '../domain/Dialog360PartnerApi';
import type { Onboarding, StepName } from '../domain/Onboarding';
import { e164Of } from '../domain/onboardingSteps';
import { OnboardingStepError } from '../domain/OnboardingStepError';
import type { OnboardingSteps, StepOutcome } from './StepOutcome';

/**
 * 360dialog's Connect button (SPEC §16): the channel's API key from the partner API (created
 * once and kept), the webhook at `PUBLIC_BASE_URL/api/whatsapp/webhook?orgId=<tenant>` with a
 * secret header of our own, the number from the partner's channel list, then the connection.
 */
@injectable()
export class Dialog360OnboardingSteps implements OnboardingSteps {
  constructor(
    @inject(TYPES.Dialog360PartnerApi) private readonly partner: Dialog360PartnerApi,
    @inject(TYPES.Config) private readonly config: Pick<Config, 'publicBaseUrl'>,
  ) {}

  async run(step: StepName, o: Onboarding): Promise<StepOutcome> {
    const channelId = o.channelId as string;
    switch (step) {
      case 'create_api_key':
        if (o.secrets.apiKey) return {};
        return {
          secrets: {
            apiKey: await this.partner.createApiKey(channelId),
            webhookSecret: crypto.randomBytes(32).toString('base64url'),
          },
        };
      case 'register_webhook': {
        const url = `${this.config.publicBaseUrl}/api/whatsapp/webhook?orgId=${o.tenantId}`;
        await this.partner.registerWebhook(apiKey(o), url, o.secrets.webhookSecret as string);
        return {};
      }
      case 'fetch_number': {
        const channel = await this.partner.fetchChannel(channelId);
        const phoneNumber = e164Of(channel.phoneNumber);
        if (!phoneNumber)
          throw new OnboardingStepError({ message: `channel ${channelId} has no phone number yet` });
        return { facts: { phoneNumber, verifiedName: channel.verifiedName, wabaId: channel.wabaId } };
      }
      case 'activate':
        return {
          connect: {
            tenantId: o.tenantId,
            provider: '360dialog',
            phoneNumber: o.facts.phoneNumber,
            businessAccountId:
              o.facts.wabaId && /^\d{1,32}$/.test(o.facts.wabaId) ? o.facts.wabaId : undefined,
            credentials: { dialog360ApiKey: apiKey(o), webhookSecret: o.secrets.webhookSecret },
            settings: {},
          },
        };
      default:
        throw new OnboardingStepError({ message: `${step} is not a 360dialog onboarding step` });
    }
  }
}

function apiKey(o: Onboarding): string {
  if (!o.secrets.apiKey) throw new OnboardingStepError({ message: 'no API key: create_api_key first' });
  return o.secrets.apiKey;
}
