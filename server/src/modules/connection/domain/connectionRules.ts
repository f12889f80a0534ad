import type { FieldProblem } from '../../../shared/errors/AppError';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import type { ProviderName } from '../../../shared/providers';
import type { ConnectionDefinition, ProviderCredentials } from './WhatsappConfiguration';

const E164 = /^\+[1-9]\d{6,14}$/;
/** Graph ids go into request paths: digits only, so nothing can steer the request elsewhere. */
const GRAPH_ID = /^\d{1,32}$/;
const TWILIO_SID = /^AC[0-9a-fA-F]{32}$/;
const MAX_SECRET = 4096;

/** The REST/CLI name of each credential, as problems name them. */
export const CREDENTIAL_FIELDS: Record<keyof ProviderCredentials, string> = {
  accessToken: 'accessToken',
  webhookSecret: 'webhookSecret',
  dialog360ApiKey: 'apiKey',
  twilioAccountSid: 'twilioAccountSid',
  twilioAuthToken: 'twilioAuthToken',
};

/** What each provider needs to send from the number and to verify what arrives for it. */
const REQUIRED: Record<ProviderName, Array<keyof ProviderCredentials | 'phoneNumberId'>> = {
  meta: ['phoneNumberId', 'accessToken', 'webhookSecret'],
  '360dialog': ['dialog360ApiKey', 'webhookSecret'],
  twilio: ['twilioAccountSid', 'twilioAuthToken'],
  console: [],
};

/** Meta's test numbers (+1 555 …) are not valid to libphonenumber: kept as given when E.164-shaped. */
export const normalisedBusinessPhone = (phone: string): string => PhoneNumber.tryParse(phone)?.e164 ?? phone;

/** Every problem of a connection as it would be stored, each naming its field. */
export function connectionProblems(c: ConnectionDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!c.phoneNumber) problem('phoneNumber', 'is required');
  else if (!E164.test(c.phoneNumber)) problem('phoneNumber', 'must be E.164, e.g. +5491155550100');
  if (c.phoneNumberId !== undefined && !GRAPH_ID.test(c.phoneNumberId))
    problem('phoneNumberId', 'must be digits');
  if (c.businessAccountId !== undefined && !GRAPH_ID.test(c.businessAccountId))
    problem('businessAccountId', 'must be digits');
  if (c.credentials.twilioAccountSid !== undefined && !TWILIO_SID.test(c.credentials.twilioAccountSid))
    problem('twilioAccountSid', 'must be AC followed by 32 hex digits');
  if ((c.verifyToken?.length ?? 0) > 256) problem('verifyToken', 'must be at most 256 characters');
  for (const [key, field] of Object.entries(CREDENTIAL_FIELDS)) {
    const value = c.credentials[key as keyof ProviderCredentials];
    if (value !== undefined && (!value.trim() || value.length > MAX_SECRET))
      problem(field, `must be 1 to ${MAX_SECRET} characters`);
  }
  for (const needed of REQUIRED[c.provider]) {
    const present = needed === 'phoneNumberId' ? c.phoneNumberId : c.credentials[needed];
    const field = needed === 'phoneNumberId' ? needed : CREDENTIAL_FIELDS[needed];
    if (!present && !problems.some((p) => p.field === field))
      problem(field, `is required for a ${c.provider} connection`);
  }
  return problems;
}

/** Credentials another provider would never read are dropped, so they are not stored. */
export function credentialsFor(provider: ProviderName, given: ProviderCredentials): ProviderCredentials {
  const keep: Record<ProviderName, Array<keyof ProviderCredentials>> = {
    meta: ['accessToken', 'webhookSecret'],
    '360dialog': ['dialog360ApiKey', 'webhookSecret'],
    twilio: ['twilioAccountSid', 'twilioAuthToken'],
    console: ['webhookSecret'],
  };
  return Object.fromEntries(keep[provider].filter((k) => given[k] !== undefined).map((k) => [k, given[k]]));
}
