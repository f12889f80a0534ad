import type { Container } from 'inversify';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type { TemplateDefinition } from '../../../src/modules/template/domain/TemplateContent';
import { TYPES } from '../../../src/types';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { fakeTemplateChanges } from '../../support/fakeTemplateChanges';
import { testContainer, type TestContext } from '../../support/testContainer';

export const WABA_ID = '102938475610293';
export const PHONE_NUMBER_ID = '106540352242922';
export const ACCESS_TOKEN = 'EAAG-templates';

export const aDefinition = (overrides: Partial<TemplateDefinition> = {}): TemplateDefinition => ({
  name: 'trip_reminder',
  language: 'en',
  category: 'UTILITY',
  body: 'Hi {{1}}, trip {{2}} leaves tomorrow.',
  bodyExamples: ['Ana', 'TRP123'],
  ...overrides,
});

export interface MetaTemplateKit extends TestContext {
  fake: FakeProviderServer;
}

/** The container pointed at a fake Graph server that keeps a WABA's templates. */
export async function metaTemplateKit(): Promise<MetaTemplateKit> {
  const fake = await FakeProviderServer.start();
  const ctx = testContainer({ WHATSAPP_API_BASE_URL: fake.url, WHATSAPP_API_VERSION: 'v25.0' });
  fake.tokens.add(ACCESS_TOKEN);
  fake.templates.pageSize = 2;
  fakeTemplateChanges(fake);
  return { ...ctx, fake };
}

export async function configureMeta(container: Container, tenant: Pick<Tenant, 'id'>): Promise<void> {
  await container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository).save({
    tenantId: tenant.id,
    provider: 'meta',
    phoneNumber: '+15550100199',
    phoneNumberId: PHONE_NUMBER_ID,
    businessAccountId: WABA_ID,
    credentials: { accessToken: ACCESS_TOKEN, webhookSecret: 'templates-secret' },
    settings: {},
  });
  container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
}
