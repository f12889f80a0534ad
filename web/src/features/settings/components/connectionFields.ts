import type { MessageKey } from '../../../lib/i18n/en';
import type { Connection, ConnectionChanges, ConnectionInput, Provider } from '../api/connections';

type FieldName = Exclude<keyof ConnectionInput, 'provider' | 'phoneNumber' | 'markAsRead'>;

export interface CredentialField {
  name: FieldName;
  label: MessageKey;
  /** Write-only: never shown back; `stored` says whether the connection has one. */
  secret?: keyof Pick<
    Connection,
    'hasAccessToken' | 'hasWebhookSecret' | 'hasApiKey' | 'hasTwilioAuthToken' | 'hasVerifyToken'
  >;
  required?: boolean;
}

/** What each provider needs (SPEC §15), in the order its dashboard shows them. */
export const CREDENTIALS: Record<Provider, CredentialField[]> = {
  meta: [
    { name: 'phoneNumberId', label: 'connections.field.phoneNumberId', required: true },
    { name: 'businessAccountId', label: 'connections.field.businessAccountId' },
    { name: 'accessToken', label: 'connections.field.accessToken', secret: 'hasAccessToken', required: true },
    {
      name: 'webhookSecret',
      label: 'connections.field.appSecret',
      secret: 'hasWebhookSecret',
      required: true,
    },
    { name: 'verifyToken', label: 'connections.field.verifyToken', secret: 'hasVerifyToken' },
  ],
  '360dialog': [
    { name: 'apiKey', label: 'connections.field.apiKey', secret: 'hasApiKey', required: true },
    { name: 'webhookSecret', label: 'connections.field.webhookSecret', secret: 'hasWebhookSecret' },
  ],
  twilio: [
    { name: 'twilioAccountSid', label: 'connections.field.twilioAccountSid', required: true },
    {
      name: 'twilioAuthToken',
      label: 'connections.field.twilioAuthToken',
      secret: 'hasTwilioAuthToken',
      required: true,
    },
  ],
  console: [],
};

export interface ConnectionDraft {
  provider: Provider;
  phoneNumber: string;
  markAsRead: boolean;
  values: Partial<Record<FieldName, string>>;
}

/** A new number's form, or an existing one's: ids shown, secrets empty (left empty, they are kept). */
export function draftOf(connection?: Connection): ConnectionDraft {
  if (!connection) return { provider: 'meta', phoneNumber: '', markAsRead: true, values: {} };
  return {
    provider: connection.provider,
    phoneNumber: connection.phoneNumber ?? '',
    markAsRead: connection.markAsRead,
    values: {
      phoneNumberId: connection.phoneNumberId ?? '',
      businessAccountId: connection.businessAccountId ?? '',
      twilioAccountSid: connection.twilioAccountSid ?? '',
    },
  };
}

/** The body of POST /whatsapp/connections: the provider's fields that were filled in. */
export function newConnection(draft: ConnectionDraft): ConnectionInput {
  const body: ConnectionInput = {
    provider: draft.provider,
    phoneNumber: draft.phoneNumber.trim(),
    markAsRead: draft.markAsRead,
  };
  for (const field of CREDENTIALS[draft.provider]) {
    const value = draft.values[field.name]?.trim();
    if (value) Object.assign(body, { [field.name]: value });
  }
  return body;
}

/**
 * The body of PATCH /whatsapp/connections/:id: what changed. A secret typed in replaces the stored
 * one; an id emptied is cleared (null).
 */
export function connectionChanges(draft: ConnectionDraft, was: Connection): ConnectionChanges {
  const before = draftOf(was);
  const changes: ConnectionChanges = {};
  if (draft.phoneNumber.trim() !== before.phoneNumber) changes.phoneNumber = draft.phoneNumber.trim();
  if (draft.markAsRead !== was.markAsRead) changes.markAsRead = draft.markAsRead;
  for (const field of CREDENTIALS[was.provider]) {
    const value = draft.values[field.name]?.trim() ?? '';
    if (field.secret) {
      if (value) Object.assign(changes, { [field.name]: value });
    } else if (value !== (before.values[field.name] ?? '')) {
      Object.assign(changes, { [field.name]: value || null });
    }
  }
  return changes;
}

/**
 * Where the provider must send its webhooks (the console is served by the same server): 360dialog's
 * must name the tenant (`?orgId=`), Twilio has its own path, the console provider needs none.
 */
export function webhookUrl(provider: Provider, origin: string, tenantId: string): string | undefined {
  const base = `${origin}/api/whatsapp/webhook`;
  if (provider === 'console') return undefined;
  if (provider === 'twilio') return `${base}/twilio`;
  return provider === '360dialog' ? `${base}?orgId=${tenantId}` : base;
}
