import type { OutboundQueue, OutboundRequest } from '../../../src/modules/message/domain/OutboundRequest';
import type { ProviderName } from '../../../src/shared/providers';
import { TYPES } from '../../../src/types';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { OutboundClaims, type ClaimedMessage } from '../../../src/whatsapp/outbound/dispatch/OutboundClaims';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer, type TestContext } from '../../support/testContainer';

export const CUSTOMER = '+5491155550201';
export const OTHER_CUSTOMER = '+5491155550202';
export const PHONE_NUMBER_ID = '109876543210987';
export const ACCESS_TOKEN = 'EAAG-outbound-test';
export const D360_API_KEY = 'd360-outbound-test';
export const TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000outbound';
export const TWILIO_AUTH_TOKEN = 'twilio-outbound-test';

const knex = () => testDb().knex;

export interface OutboundKit extends TestContext {
  tenantId: string;
  queue(request: Partial<OutboundRequest>): Promise<string>;
  claim(limit?: number, ratePerMinute?: number): Promise<ClaimedMessage[]>;
}

/** A tenant with a configured number and a real container on the run's database. */
export async function outboundKit(
  env: Record<string, string> = {},
  provider: ProviderName = 'meta',
  apiBaseUrl = 'http://127.0.0.1:9',
): Promise<OutboundKit> {
  const ctx = testContainer({
    WHATSAPP_API_BASE_URL: apiBaseUrl,
    DIALOG360_API_BASE_URL: apiBaseUrl,
    TWILIO_API_BASE_URL: apiBaseUrl,
    ...env,
  });
  const tenant = await aTenant();
  await configure(ctx, tenant.id, provider);
  return { ...ctx, tenantId: tenant.id, ...helpers(ctx, tenant.id) };
}

/** A second instance (its own container and clock) on the same database and tenant. */
export function anotherInstance(kit: OutboundKit, env: Record<string, string> = {}): OutboundKit {
  const ctx = testContainer({ WHATSAPP_API_BASE_URL: kit.config.whatsapp.apiBaseUrl, ...env });
  ctx.clock.set(kit.clock.now());
  return { ...ctx, tenantId: kit.tenantId, ...helpers(ctx, kit.tenantId) };
}

async function configure(ctx: TestContext, tenantId: string, provider: ProviderName): Promise<void> {
  await ctx.container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository).save({
    tenantId,
    provider,
    phoneNumber: '+15550100299',
    phoneNumberId: PHONE_NUMBER_ID,
    businessAccountId: '102938475610299',
    verifyToken: 'verify',
    credentials: {
      accessToken: ACCESS_TOKEN,
      webhookSecret: 'secret',
      dialog360ApiKey: D360_API_KEY,
      twilioAccountSid: TWILIO_ACCOUNT_SID,
      twilioAuthToken: TWILIO_AUTH_TOKEN,
    },
    settings: {},
  });
  ctx.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
}

function helpers(ctx: TestContext, tenantId: string) {
  return {
    queue: (r: Partial<OutboundRequest>) =>
      testDb().run(() =>
        ctx.container.get<OutboundQueue>(TYPES.OutboundQueue).enqueue({
          tenantId,
          to: CUSTOMER,
          purpose: 'reply',
          ...r,
        } as OutboundRequest),
      ),
    claim: (limit = 50, ratePerMinute = ctx.config.whatsapp.rateLimitPerMinute) =>
      ctx.container.get(OutboundClaims).claim({
        tenantId,
        provider: 'meta',
        now: ctx.clock.now(),
        limit,
        ratePerMinute,
        leaseMs: 60_000,
      }),
  };
}

/** The customer wrote at `at`: their 24-hour window runs from then. */
export async function customerWrote(tenantId: string, phone: string, at: Date): Promise<void> {
  await knex()('whatsapp_conversations').insert({
    tenant_id: tenantId,
    customer_phone: phone,
    last_inbound_at: at,
    last_message_at: at,
  });
}

export async function optedOut(tenantId: string, phone: string): Promise<void> {
  await knex()('whatsapp_opt_ins').insert({
    tenant_id: tenantId,
    phone,
    status: 'opted_out',
    source: 'stop',
  });
}

export async function aTemplate(
  tenantId: string,
  name: string,
  body: string,
  status = 'APPROVED',
  language = 'en',
): Promise<void> {
  await knex()('whatsapp_templates').insert({
    tenant_id: tenantId,
    name,
    language,
    category: 'UTILITY',
    status,
    components: JSON.stringify([{ type: 'BODY', text: body }]),
  });
}

/** A template row with any components (Cloud API shape), as sync would store it. */
export async function aStoredTemplate(
  tenantId: string,
  t: {
    name: string;
    components: unknown[];
    language?: string;
    category?: string;
    status?: string;
    providerTemplateId?: string;
  },
): Promise<void> {
  await knex()('whatsapp_templates').insert({
    tenant_id: tenantId,
    name: t.name,
    language: t.language ?? 'en',
    category: t.category ?? 'UTILITY',
    status: t.status ?? 'APPROVED',
    components: JSON.stringify(t.components),
    provider_template_id: t.providerTemplateId ?? null,
  });
}

export interface MessageRow {
  id: string;
  status: string;
  attempts: number;
  error_code: string | null;
  error_title: string | null;
  provider_message_id: string | null;
  available_at: Date;
  locked_until: Date | null;
  sent_at: Date | null;
  status_history: Array<{ status: string; applied: boolean }>;
}

export async function message(id: string): Promise<MessageRow> {
  return (await knex()('whatsapp_messages').where({ id }).first()) as MessageRow;
}

export async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await knex()('whatsapp_audit_logs').where({ tenant_id: tenantId }).orderBy('created_at');
  return rows.map((r: { action: string }) => r.action);
}
