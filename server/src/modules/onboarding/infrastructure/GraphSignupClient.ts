import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import type { MetaNumberFacts, MetaSignupApi } from '../domain/MetaSignupApi';
import { OnboardingStepError } from '../domain/OnboardingStepError';
import { providerCall } from './providerCall';

/** Graph ids go into paths: digits only. */
const GRAPH_ID = /^\d{1,32}$/;
const NUMBER_FIELDS = 'display_phone_number,verified_name,quality_rating,code_verification_status';

/** Meta's Embedded Signup calls at WHATSAPP_API_BASE_URL / WHATSAPP_API_VERSION (SPEC §16). */
@injectable()
export class GraphSignupClient implements MetaSignupApi {
  constructor(@inject(TYPES.Config) private readonly config: Pick<Config, 'whatsapp' | 'metaOnboarding'>) {}

  async exchangeCode(code: string): Promise<string> {
    const app = this.app();
    const query = new URLSearchParams({ client_id: app.appId, client_secret: app.appSecret, code });
    const body = await providerCall<{ access_token?: string }>(this.url(`oauth/access_token?${query}`));
    if (!body.access_token) throw unexpected('oauth/access_token');
    return body.access_token;
  }

  async subscribeApp(wabaId: string, token: string): Promise<void> {
    await providerCall(this.url(`${id(wabaId)}/subscribed_apps`), { method: 'POST', headers: bearer(token) });
  }

  async registerPhone(phoneNumberId: string, pin: string, token: string): Promise<void> {
    await providerCall(this.url(`${id(phoneNumberId)}/register`), {
      method: 'POST',
      headers: bearer(token),
      body: { messaging_product: 'whatsapp', pin },
    });
  }

  async shareCreditLine(wabaId: string): Promise<string> {
    const line = this.app().creditLine;
    if (!line) throw new OnboardingStepError({ message: 'META_CREDIT_LINE_ID is not set' });
    const query = new URLSearchParams({ waba_currency: 'USD', waba_id: id(wabaId) });
    const body = await providerCall<{ allocation_config_id?: string }>(
      this.url(`${id(line.id)}/whatsapp_credit_sharing_and_attach?${query}`),
      { method: 'POST', headers: bearer(line.systemUserToken) },
    );
    if (!body.allocation_config_id) throw unexpected('whatsapp_credit_sharing_and_attach');
    return body.allocation_config_id;
  }

  async fetchNumber(phoneNumberId: string, token: string): Promise<MetaNumberFacts> {
    const body = await providerCall<Record<string, string | undefined>>(
      this.url(`${id(phoneNumberId)}?fields=${NUMBER_FIELDS}`),
      { headers: bearer(token) },
    );
    return {
      displayPhoneNumber: body.display_phone_number,
      verifiedName: body.verified_name,
      qualityRating: body.quality_rating,
      codeVerificationStatus: body.code_verification_status,
    };
  }

  async tokenExpiry(token: string): Promise<Date | undefined> {
    const app = this.app();
    const body = await providerCall<{ data?: { expires_at?: number; is_valid?: boolean } }>(
      this.url(`debug_token?${new URLSearchParams({ input_token: token })}`),
      { headers: bearer(`${app.appId}|${app.appSecret}`) },
    );
    if (!body.data) throw unexpected('debug_token');
    if (body.data.is_valid === false)
      throw new OnboardingStepError({ message: 'debug_token: the business token is not valid' });
    return body.data.expires_at ? new Date(body.data.expires_at * 1000) : undefined;
  }

  private url(path: string): string {
    return `${this.config.whatsapp.apiBaseUrl}/${this.config.whatsapp.apiVersion}/${path}`;
  }

  private app() {
    const app = this.config.metaOnboarding;
    if (!app) throw new OnboardingStepError({ message: 'META_APP_ID is not set' });
    return app;
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function id(value: string): string {
  if (!GRAPH_ID.test(value)) throw new OnboardingStepError({ message: `not a Graph id: ${value}` });
  return value;
}

const unexpected = (what: string) =>
  new OnboardingStepError({ message: `${what}: unexpected answer from the Graph API` }, 'unavailable');
