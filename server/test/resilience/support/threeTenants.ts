import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../support/process/cli';
import { META_APP } from '../../support/process/metaApp';

/**
 * Three tenants on one server, as an operator sets them up: the default tenant from the
 * environment (META_APP), a second one served by the same Meta app (it shares the app secret), and
 * a third with its own app. Each has its own number, phone-number id and WABA.
 */
export const META_TENANTS = [
  {
    slug: 'default',
    phoneNumberId: META_APP.phoneNumberId,
    waba: META_APP.businessAccountId,
    phone: META_APP.businessPhone,
    secret: META_APP.appSecret,
  },
  {
    slug: 'shared-app',
    phoneNumberId: '106540352242923',
    waba: '102938475610294',
    phone: '+15550100198',
    secret: META_APP.appSecret,
  },
  {
    slug: 'own-app',
    phoneNumberId: '106540352242924',
    waba: '102938475610295',
    phone: '+15550100197',
    secret: 'fuzz-own-app-secret',
  },
] as const;
export type MetaTenant = (typeof META_TENANTS)[number];

export const TWILIO_TENANTS = [
  {
    slug: 'default',
    phone: META_APP.businessPhone,
    accountSid: 'AC' + 'f'.repeat(32),
    token: 'fuzz-twilio-auth-token',
  },
  {
    slug: 'twilio-two',
    phone: '+15550100196',
    accountSid: 'AC' + 'e'.repeat(32),
    token: 'fuzz-twilio-token-two',
  },
  {
    slug: 'twilio-three',
    phone: '+15550100195',
    accountSid: 'AC' + 'd'.repeat(32),
    token: 'fuzz-twilio-token-three',
  },
] as const;
export type TwilioTenant = (typeof TWILIO_TENANTS)[number];

/** A fixture's text for another tenant's number: META_APP's ids replaced by the tenant's. */
export const retarget = (fixtureText: string, tenant: MetaTenant): string =>
  fixtureText
    .replaceAll(META_APP.phoneNumberId, tenant.phoneNumberId)
    .replaceAll(META_APP.businessAccountId, tenant.waba)
    .replaceAll(META_APP.businessPhone.slice(1), tenant.phone.slice(1));

/** Creates the two extra tenants and their connections with `wa-ops`, before the server starts. */
export async function connectExtraTenants(
  env: Record<string, string>,
  provider: 'meta' | 'twilio',
): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wa-ops-fuzz-secrets-'));
  const secretFile = (name: string, value: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, value, { mode: 0o600 });
    return file;
  };
  const tenants = provider === 'meta' ? META_TENANTS.slice(1) : TWILIO_TENANTS.slice(1);
  for (const tenant of tenants) {
    await runCli(['tenants', 'create', '--name', tenant.slug, '--slug', tenant.slug], env);
    const common = [
      'connections',
      'add',
      '--tenant',
      tenant.slug,
      '--provider',
      provider,
      '--phone-number',
      tenant.phone,
    ];
    const specific =
      'secret' in tenant
        ? [
            '--phone-number-id',
            tenant.phoneNumberId,
            '--business-account-id',
            tenant.waba,
            '--access-token-file',
            secretFile(`${tenant.slug}-token`, `EAAG-${tenant.slug}`),
            '--webhook-secret-file',
            secretFile(`${tenant.slug}-secret`, tenant.secret),
          ]
        : [
            '--twilio-account-sid',
            tenant.accountSid,
            '--twilio-auth-token-file',
            secretFile(`${tenant.slug}-token`, tenant.token),
          ];
    await runCli([...common, ...specific], env);
  }
}
