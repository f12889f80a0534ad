import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import type { Dialog360Channel, Dialog360PartnerApi } from '../domain/Dialog360PartnerApi';
import { OnboardingStepError } from '../domain/OnboardingStepError';
import { providerCall } from './providerCall';

/** 360dialog's channel ids go into paths: letters, digits, `-` and `_` only. */
export const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface PartnerChannel {
  id?: string;
  setup_info?: { phone_number?: string; phone_name?: string };
  waba_account?: { external_id?: string; name?: string };
}

/**
 * 360dialog's partner API at DIALOG360_PARTNER_API_BASE_URL (`x-api-key`: the partner key), and the
 * channel's own API at DIALOG360_API_BASE_URL (`D360-API-KEY`: the channel's key).
 */
@injectable()
export class Dialog360PartnerClient implements Dialog360PartnerApi {
  constructor(@inject(TYPES.Config) private readonly config: Pick<Config, 'whatsapp' | 'dialog360Partner'>) {}

  async createApiKey(channelId: string): Promise<string> {
    const body = await providerCall<{ api_key?: string }>(
      this.partnerUrl(`channels/${channel(channelId)}/api_keys`),
      { method: 'POST', headers: this.partnerKey() },
    );
    if (!body.api_key) throw unexpected('api_keys');
    return body.api_key;
  }

  async registerWebhook(apiKey: string, url: string, webhookSecret: string): Promise<void> {
    await providerCall(`${this.config.whatsapp.dialog360ApiBaseUrl}/v1/configs/webhook`, {
      method: 'POST',
      headers: { 'D360-API-KEY': apiKey },
      body: { url, headers: { 'x-webhook-secret': webhookSecret } },
    });
  }

  async fetchChannel(channelId: string): Promise<Dialog360Channel> {
    const filters = JSON.stringify({ id: channel(channelId) });
    const body = await providerCall<{ partner_channels?: PartnerChannel[] }>(
      this.partnerUrl(`channels?${new URLSearchParams({ filters })}`),
      { headers: this.partnerKey() },
    );
    const found = body.partner_channels?.find((c) => c.id === channelId);
    if (!found)
      throw new OnboardingStepError({ message: `channel ${channelId} is not one of this partner's` });
    return {
      phoneNumber: found.setup_info?.phone_number,
      verifiedName: found.setup_info?.phone_name,
      wabaId: found.waba_account?.external_id,
    };
  }

  private partnerUrl(path: string): string {
    const partner = this.partner();
    return `${partner.apiBaseUrl}/api/v2/partners/${encodeURIComponent(partner.partnerId)}/${path}`;
  }

  private partnerKey() {
    return { 'x-api-key': this.partner().apiKey };
  }

  private partner() {
    const partner = this.config.dialog360Partner;
    if (!partner) throw new OnboardingStepError({ message: 'DIALOG360_PARTNER_ID is not set' });
    return partner;
  }
}

function channel(value: string): string {
  if (!CHANNEL_ID.test(value)) throw new OnboardingStepError({ message: `not a channel id: ${value}` });
  return value;
}

const unexpected = (what: string) =>
  new OnboardingStepError({ message: `${what}: unexpected answer from 360dialog` }, 'unavailable');
