import type { Container } from 'inversify';
import request from 'supertest';
import { createApp } from '../../src/app';
import type { WhatsappConfigurationRepository } from '../../src/modules/connection/domain/WhatsappConfiguration';
import type { TenantDirectory } from '../../src/modules/connection/application/TenantDirectory';
import { InboxProcessor } from '../../src/whatsapp/inbox/InboxProcessor';
import { signMetaBody } from '../../src/whatsapp/inbound/metaSignature';
import { TYPES } from '../../src/types';
import type { MessageRouter } from '../../src/modules/message/domain/MessageRouter';
import { aTenant } from './builders';
import { loadFixture, META_APP_SECRET, TWILIO_AUTH_TOKEN } from './fixtures';
import { testContainer, type TestContext } from './testContainer';

export const FIXTURE_PHONE_NUMBER_ID = '106540352242922';
export const FIXTURE_WABA_ID = '102938475610293';
export const FIXTURE_BUSINESS_PHONE = '+15550100199';
export const PUBLIC_BASE_URL = 'https://ops.example.com';
/** The account the Twilio fixtures' callbacks name. */
export const FIXTURE_TWILIO_ACCOUNT_SID = 'ACbdb91c5bb4ef3ed99b86dc9aef8265e2';

export interface InboundHarness extends TestContext {
  tenantId: string;
  http: ReturnType<typeof request>;
  processor: InboxProcessor;
  postMeta(body: Buffer | string, signature?: string | null): request.Test;
  postFixture(name: string): request.Test;
}

/** A tenant configured like the fixtures (Meta number + Twilio number), the real app, the real processor. */
export async function inboundHarness(
  env: Record<string, string> = {},
  router?: MessageRouter,
): Promise<InboundHarness> {
  const ctx = testContainer({ PUBLIC_BASE_URL, WHATSAPP_ENABLE_MEDIA: 'false', ...env });
  // The fixtures were written at 2026-09-10T03:52Z; "now" is shortly after.
  ctx.clock.set('2026-09-10T04:00:00Z');
  if (router) ctx.container.rebindSync(TYPES.MessageRouter).toConstantValue(router);
  const tenant = await aTenant();
  await configureFixtureTenant(ctx.container, tenant.id);
  const http = request(createApp(ctx.container));
  const postMeta = (body: Buffer | string, signature?: string | null) => {
    const req = http.post('/api/whatsapp/webhook').set('content-type', 'application/json');
    if (signature !== null) req.set('x-hub-signature-256', signature ?? signMetaBody(body, META_APP_SECRET));
    return req.send(typeof body === 'string' ? body : body.toString('utf8'));
  };
  return {
    ...ctx,
    tenantId: tenant.id,
    http,
    processor: ctx.container.get(InboxProcessor),
    postMeta,
    postFixture: (name) => postMeta(loadFixture(name)),
  };
}

export async function configureFixtureTenant(container: Container, tenantId: string): Promise<void> {
  const repository = container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository);
  await repository.save({
    tenantId,
    provider: 'meta',
    phoneNumber: FIXTURE_BUSINESS_PHONE,
    phoneNumberId: FIXTURE_PHONE_NUMBER_ID,
    businessAccountId: FIXTURE_WABA_ID,
    verifyToken: 'fixture-verify-token',
    credentials: { webhookSecret: META_APP_SECRET, accessToken: 'EAAG-fixture' },
    settings: {},
  });
  await repository.save({
    tenantId,
    provider: 'twilio',
    phoneNumber: FIXTURE_BUSINESS_PHONE,
    credentials: { twilioAccountSid: FIXTURE_TWILIO_ACCOUNT_SID, twilioAuthToken: TWILIO_AUTH_TOKEN },
    settings: {},
  });
  container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
}
