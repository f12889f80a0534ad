import crypto from 'node:crypto';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';

/** The Meta app and business number a server process is configured for, and its deliveries are signed with. */
export const META_APP = {
  webhookPath: '/api/whatsapp/webhook',
  appSecret: 'bench-meta-app-secret',
  phoneNumberId: '106540352242922',
  businessAccountId: '102938475610293',
  businessPhone: '+15550100199',
  verifyToken: 'bench-verify-token',
  accessToken: 'EAAG-bench',
} as const;

/**
 * The environment of a server configured (as production is, through EnsureDefaultTenant) for
 * META_APP; `graphUrl` is where it sends (a fake Graph API: nothing in tests reaches Meta).
 */
export function metaAppEnv(databaseUrl: string, graphUrl = 'http://127.0.0.1:9'): Record<string, string> {
  return {
    WHATSAPP_API_BASE_URL: graphUrl,
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_PHONE_NUMBER: META_APP.businessPhone,
    WHATSAPP_PHONE_NUMBER_ID: META_APP.phoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: META_APP.businessAccountId,
    WHATSAPP_ACCESS_TOKEN: META_APP.accessToken,
    WHATSAPP_WEBHOOK_SECRET: META_APP.appSecret,
    WHATSAPP_VERIFY_TOKEN: META_APP.verifyToken,
    WHATSAPP_ENABLE_MEDIA: 'false',
  };
}

export interface SignedDelivery {
  body: string;
  signature: string;
}

export const newWamid = () => `wamid.${crypto.randomBytes(16).toString('base64url')}`;

/** One text message from `from` (digits), in the envelope Meta posts, signed with META_APP's secret. */
export function metaTextDelivery(message: {
  from: string;
  text: string;
  wamid?: string;
  name?: string;
  timestamp?: number;
}): SignedDelivery & { wamid: string } {
  const wamid = message.wamid ?? newWamid();
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: META_APP.businessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: META_APP.businessPhone.slice(1),
                phone_number_id: META_APP.phoneNumberId,
              },
              contacts: [{ profile: { name: message.name ?? 'Customer' }, wa_id: message.from }],
              messages: [
                {
                  from: message.from,
                  id: wamid,
                  timestamp: String(message.timestamp ?? Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: message.text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return { body, wamid, signature: signMetaBody(body, META_APP.appSecret) };
}

/** Signs any body (odd or hostile ones included) the way Meta does. */
export const signedBody = (body: string | Buffer): SignedDelivery => ({
  body: typeof body === 'string' ? body : body.toString('utf8'),
  signature: signMetaBody(body, META_APP.appSecret),
});
