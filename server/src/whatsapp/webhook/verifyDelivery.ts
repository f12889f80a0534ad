import crypto from 'node:crypto';
import type { WhatsappConfiguration } from '../../modules/connection/domain/WhatsappConfiguration';
import { verifyMetaSignature } from '../inbound/metaSignature';
import { verifyTwilioSignature, type TwilioParams } from '../inbound/twilioSignature';
import { constantTimeEquals } from './constantTimeEquals';

/** Meta: any configured app secret may have signed it (several apps can serve several numbers). */
export function verifyMeta(
  raw: Buffer,
  header: string | undefined,
  configs: WhatsappConfiguration[],
): boolean {
  return configs.some(
    (c) => c.credentials.webhookSecret && verifyMetaSignature(raw, header, c.credentials.webhookSecret),
  );
}

/**
 * 360dialog cannot relay Meta's signature (Meta signs for 360dialog's app). Accepted: its optional
 * `x-360dialog-signature` (hex HMAC-SHA256 of the body), or the secret header set when the webhook
 * URL was registered (`x-webhook-secret`), both keyed by the tenant's webhook secret.
 */
export function verify360dialog(
  raw: Buffer,
  headers: { signature?: string; secretHeader?: string },
  config: WhatsappConfiguration,
): boolean {
  const secret = config.credentials.webhookSecret;
  if (!secret) return false;
  if (headers.signature) {
    const expected = crypto.createHmac('sha256', secret).update(raw).digest('hex');
    return constantTimeEquals(headers.signature.replace(/^sha256=/, '').toLowerCase(), expected);
  }
  return headers.secretHeader !== undefined && constantTimeEquals(headers.secretHeader, secret);
}

export function verifyTwilio(
  url: string,
  params: TwilioParams,
  header: string | undefined,
  configs: WhatsappConfiguration[],
): WhatsappConfiguration | undefined {
  return configs.find(
    (c) =>
      c.credentials.twilioAuthToken &&
      verifyTwilioSignature(c.credentials.twilioAuthToken, header, url, params),
  );
}
