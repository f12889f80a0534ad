import crypto from 'node:crypto';
import type { OnboardingRunner } from '../../../src/modules/onboarding/application/OnboardingRunner';
import { TYPES } from '../../../src/types';
import { ApiClient } from '../../support/apiClient';
import type { FakeProviderServer } from '../../support/FakeProviderServer';
import { loadFixture } from '../../support/fixtures';
import { testContainer } from '../../support/testContainer';

export const PUBLIC_BASE_URL = 'https://ops.example.com';
export const APP = { id: '1000000000000001', secret: 'partner-app-secret', configId: '2000000000000002' };
export const CREDIT = { lineId: '3000000000000003', systemUserToken: 'EAAG-system-user' };
export const PARTNER = { id: 'wAbC12PA', apiKey: 'partner-api-key' };

/** The environment of a Solution Partner that is also a 360dialog partner, every provider at the fake. */
export function onboardingEnv(fake: FakeProviderServer, extra: Record<string, string> = {}) {
  return {
    WHATSAPP_API_BASE_URL: fake.url,
    DIALOG360_API_BASE_URL: fake.url,
    DIALOG360_PARTNER_API_BASE_URL: fake.url,
    PUBLIC_BASE_URL,
    WHATSAPP_ENABLE_MEDIA: 'false',
    META_APP_ID: APP.id,
    META_APP_SECRET: APP.secret,
    META_CONFIG_ID: APP.configId,
    META_CREDIT_LINE_ID: CREDIT.lineId,
    META_SYSTEM_USER_TOKEN: CREDIT.systemUserToken,
    DIALOG360_PARTNER_ID: PARTNER.id,
    DIALOG360_PARTNER_API_KEY: PARTNER.apiKey,
    ...extra,
  };
}

export function configureFake(fake: FakeProviderServer): void {
  fake.onboarding.app = {
    id: APP.id,
    secret: APP.secret,
    systemUserToken: CREDIT.systemUserToken,
    creditLineId: CREDIT.lineId,
  };
  fake.onboarding.dialog360.partner = { id: PARTNER.id, apiKey: PARTNER.apiKey };
}

let serial = 0;
/** A business going through Embedded Signup: its code, WABA, number and the token Meta will grant. */
export function aBusiness(fake: FakeProviderServer, options: { expiresAt?: number } = {}) {
  serial++;
  const business = {
    code: `AQD-${crypto.randomBytes(12).toString('hex')}`,
    token: `EAAG-business-${crypto.randomBytes(8).toString('hex')}`,
    wabaId: `5${String(Date.now()).slice(-9)}${String(serial).padStart(4, '0')}`,
    phoneNumberId: `7${String(Date.now()).slice(-9)}${String(serial).padStart(4, '0')}`,
    display: `+1 555-020-${String(1000 + serial).slice(-4)}`,
    e164: `+1555020${String(1000 + serial).slice(-4)}`,
  };
  fake.onboarding.codes.set(business.code, { ...business, expiresAt: options.expiresAt });
  fake.connections.metaNumbers.set(business.phoneNumberId, {
    id: business.phoneNumberId,
    display_phone_number: business.display,
    verified_name: `Business ${serial}`,
    quality_rating: 'GREEN',
    code_verification_status: 'VERIFIED',
  });
  return business;
}

export const signupBody = (b: ReturnType<typeof aBusiness>) => ({
  code: b.code,
  wabaId: b.wabaId,
  phoneNumberId: b.phoneNumberId,
});

export function onboardingApi(fake: FakeProviderServer, extra: Record<string, string> = {}) {
  const api = new ApiClient(testContainer(onboardingEnv(fake, extra)));
  const settled = () => api.context.container.get<OnboardingRunner>(TYPES.OnboardingRunner).settled();
  return { api, settled };
}

/** A Meta delivery (meta-text.json's shape) to the number `phoneNumberId` of `wabaId`. */
export function metaDeliveryTo(
  number: { phoneNumberId: string; wabaId: string; e164: string },
  from: string,
  text: string,
) {
  const body = JSON.parse(loadFixture('meta-text.json').toString('utf8'));
  const entry = body.entry[0];
  entry.id = number.wabaId;
  const value = entry.changes[0].value;
  value.metadata = { display_phone_number: number.e164.slice(1), phone_number_id: number.phoneNumberId };
  value.contacts = [{ profile: { name: 'Sender' }, wa_id: from.slice(1) }];
  Object.assign(value.messages[0], {
    from: from.slice(1),
    id: `wamid.${crypto.randomUUID()}`,
    text: { body: text },
  });
  return JSON.stringify(body);
}
