import { inject, injectable } from 'inversify';
import type { Config } from '../../../../config';
import { asQualityRating } from '../../../../modules/connection/domain/ConnectionStatus';
import type { ConnectionProbe, ProbeResult } from '../../../../modules/connection/domain/ConnectionProbe';
import type { WhatsappConfiguration } from '../../../../modules/connection/domain/WhatsappConfiguration';
import { TYPES } from '../../../../types';
import { classifyGraphError } from '../cloudapi/classifyGraphError';
import { providerRequest, type ProviderResponse } from '../http/providerRequest';
import { ProviderError } from '../ProviderError';
import { classifyTwilioError } from '../twilio/classifyTwilioError';

const TIMEOUT_MS = 10_000;
/** SPEC §15: what a test asks Meta about the number. */
const META_FIELDS = 'display_phone_number,verified_name,quality_rating,messaging_limit_tier,name_status';

const text = (body: unknown, key: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' && value ? value : undefined;
};

/**
 * Asks each provider about a connection, at the API base URLs of the configuration only (a
 * connection names ids, never hosts). Answers, refusals and silence all become a ProbeResult.
 */
@injectable()
export class ProviderConnectionProbe implements ConnectionProbe {
  constructor(@inject(TYPES.Config) private readonly config: Config) {}

  async probe(connection: WhatsappConfiguration): Promise<ProbeResult> {
    try {
      switch (connection.provider) {
        case 'meta':
          return await this.meta(connection);
        case 'twilio':
          return await this.twilio(connection);
        case '360dialog':
          return await this.dialog360(connection);
        case 'console':
          return { ok: true, displayPhoneNumber: connection.phoneNumber, qualityRating: 'GREEN' };
      }
    } catch (error) {
      if (error instanceof ProviderError) return { ok: false, error: `${error.code}: ${error.title}` };
      throw error;
    }
  }

  private async meta(c: WhatsappConfiguration): Promise<ProbeResult> {
    const w = this.config.whatsapp;
    const url = `${w.apiBaseUrl}/${w.apiVersion}/${encodeURIComponent(c.phoneNumberId ?? '')}?fields=${META_FIELDS}`;
    const response = await get(url, { authorization: `Bearer ${c.credentials.accessToken ?? ''}` });
    if (response.status !== 200) throw classifyGraphError(response.status, response.body);
    const body = response.body;
    return {
      ok: true,
      displayPhoneNumber: text(body, 'display_phone_number'),
      verifiedName: text(body, 'verified_name'),
      qualityRating: asQualityRating(text(body, 'quality_rating')) ?? 'UNKNOWN',
      messagingLimitTier: text(body, 'messaging_limit_tier'),
      nameStatus: text(body, 'name_status'),
    };
  }

  /** Twilio's Account resource: the number sends only while the account is `active`. */
  private async twilio(c: WhatsappConfiguration): Promise<ProbeResult> {
    const { twilioAccountSid: sid = '', twilioAuthToken: token = '' } = c.credentials;
    const url = `${this.config.whatsapp.twilioApiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}.json`;
    const response = await get(url, {
      authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
    });
    if (response.status !== 200) throw classifyTwilioError(response.status, response.body);
    const accountStatus = text(response.body, 'status');
    return {
      ok: accountStatus === 'active',
      accountStatus,
      displayPhoneNumber: c.phoneNumber,
      ...(accountStatus !== 'active' && {
        error: `the Twilio account is ${accountStatus ?? 'in an unknown state'}`,
      }),
    };
  }

  /** 360dialog: the key's webhook config (the key names the number). */
  private async dialog360(c: WhatsappConfiguration): Promise<ProbeResult> {
    const url = `${this.config.whatsapp.dialog360ApiBaseUrl}/v1/configs/webhook`;
    const response = await get(url, { 'D360-API-KEY': c.credentials.dialog360ApiKey ?? '' });
    if (response.status !== 200) throw classifyGraphError(response.status, response.body);
    return { ok: true, webhookUrl: text(response.body, 'url'), displayPhoneNumber: c.phoneNumber };
  }
}

const get = (url: string, headers: Record<string, string>): Promise<ProviderResponse> =>
  providerRequest(
    { method: 'GET', url, headers: { accept: 'application/json', ...headers } },
    { timeoutMs: TIMEOUT_MS },
  );
