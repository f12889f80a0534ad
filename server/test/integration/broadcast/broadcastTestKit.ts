import type { Container } from 'inversify';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { TYPES } from '../../../src/types';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { testDb } from '../../support/integrationHooks';

/** An approved (or otherwise) template row, as sync or the console would leave it. */
export async function aTemplate(
  tenant: Pick<Tenant, 'id'>,
  overrides: Partial<{
    name: string;
    language: string;
    status: string;
    category: string;
    body: string;
    components: unknown[];
  }> = {},
): Promise<void> {
  await testDb()
    .knex('whatsapp_templates')
    .insert({
      tenant_id: tenant.id,
      name: overrides.name ?? 'spring_offer',
      language: overrides.language ?? 'en',
      category: overrides.category ?? 'UTILITY',
      status: overrides.status ?? 'APPROVED',
      components: JSON.stringify(
        overrides.components ?? [{ type: 'BODY', text: overrides.body ?? 'Hi {{1}}, news about {{2}}.' }],
      ),
    });
}

export async function consent(
  tenant: Pick<Tenant, 'id'>,
  phone: string,
  status: 'opted_in' | 'opted_out',
  marketingOptedOut = false,
): Promise<void> {
  await testDb()
    .knex('whatsapp_opt_ins')
    .insert({
      tenant_id: tenant.id,
      phone,
      status,
      source: 'test',
      marketing_opted_out_at: marketingOptedOut ? new Date() : null,
    });
}

/** The console provider, so the real dispatcher can send the queued rows. */
export async function configureConsole(container: Container, tenant: Pick<Tenant, 'id'>): Promise<void> {
  await container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository).save({
    tenantId: tenant.id,
    provider: 'console',
    phoneNumber: '+15550100100',
    credentials: {},
    settings: {},
  });
  container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
}
