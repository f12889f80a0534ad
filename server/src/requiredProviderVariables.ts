import { ConfigError, type Config } from './config';
import type { ProviderName } from './shared/providers';

type WhatsappConfig = Config['whatsapp'];

/** What the default tenant's provider cannot work without: sending, and verifying its webhooks. */
const REQUIRED: Record<ProviderName, Array<[variable: string, value: (wa: WhatsappConfig) => unknown]>> = {
  console: [],
  meta: [
    ['WHATSAPP_PHONE_NUMBER_ID', (wa) => wa.phoneNumberId],
    ['WHATSAPP_ACCESS_TOKEN', (wa) => wa.accessToken],
    ['WHATSAPP_WEBHOOK_SECRET', (wa) => wa.webhookSecret],
    ['WHATSAPP_VERIFY_TOKEN', (wa) => wa.verifyToken],
  ],
  '360dialog': [
    ['DIALOG360_API_KEY', (wa) => wa.dialog360ApiKey],
    ['WHATSAPP_WEBHOOK_SECRET', (wa) => wa.webhookSecret],
  ],
  twilio: [
    ['WHATSAPP_PHONE_NUMBER', (wa) => wa.phoneNumber],
    ['TWILIO_ACCOUNT_SID', (wa) => wa.twilioAccountSid],
    ['TWILIO_AUTH_TOKEN', (wa) => wa.twilioAuthToken],
  ],
};

/**
 * Server start-up: a provider chosen without its credentials would start, say ready, and refuse
 * every webhook. Stops instead, naming every missing variable in one line.
 */
export function assertProviderConfigured(config: Config): void {
  const { provider } = config.whatsapp;
  const missing = REQUIRED[provider].filter(([, value]) => !value(config.whatsapp)).map(([name]) => name);
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration: WHATSAPP_PROVIDER=${provider} needs ${missing.join(', ')} (see docs/operations.md, "Connecting a provider")`,
    );
}
