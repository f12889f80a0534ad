import { ValidationError } from '../../../shared/errors/AppError';
import type { ProviderName } from '../../../shared/providers';
import { connectionProblems, credentialsFor, normalisedBusinessPhone } from '../domain/connectionRules';
import type { ConnectionDefinition, WhatsappConfiguration } from '../domain/WhatsappConfiguration';

/**
 * A connection as REST and the CLI state it. Secrets are write-only: given, they replace the stored
 * one; absent, the stored one stays. `null` clears an optional field (updates).
 */
export interface ConnectionInput {
  provider?: ProviderName;
  phoneNumber?: string;
  phoneNumberId?: string | null;
  businessAccountId?: string | null;
  verifyToken?: string | null;
  accessToken?: string;
  webhookSecret?: string;
  apiKey?: string;
  twilioAccountSid?: string;
  twilioAuthToken?: string;
  /** Blue ticks for handled inbound messages (on unless false). */
  markAsRead?: boolean;
}

const orKept = <T>(given: T | null | undefined, kept: T | undefined): T | undefined =>
  given === null ? undefined : (given ?? kept);

/** The stored definition after `input` (over `previous` for an update); throws naming every bad field. */
export function definitionOf(
  tenantId: string,
  input: ConnectionInput,
  previous?: WhatsappConfiguration,
): ConnectionDefinition {
  const provider = input.provider ?? previous?.provider;
  if (!provider) throw invalid([{ field: 'provider', message: 'is required' }]);
  const kept = previous?.credentials ?? {};
  const phone = orKept(input.phoneNumber, previous?.phoneNumber);
  const definition: ConnectionDefinition = {
    tenantId,
    provider,
    phoneNumber: phone === undefined ? undefined : normalisedBusinessPhone(phone),
    phoneNumberId: orKept(input.phoneNumberId, previous?.phoneNumberId),
    businessAccountId: orKept(input.businessAccountId, previous?.businessAccountId),
    verifyToken: orKept(input.verifyToken, previous?.verifyToken),
    credentials: credentialsFor(provider, {
      accessToken: input.accessToken ?? kept.accessToken,
      webhookSecret: input.webhookSecret ?? kept.webhookSecret,
      dialog360ApiKey: input.apiKey ?? kept.dialog360ApiKey,
      twilioAccountSid: input.twilioAccountSid ?? kept.twilioAccountSid,
      twilioAuthToken: input.twilioAuthToken ?? kept.twilioAuthToken,
    }),
    settings: {
      ...previous?.settings,
      ...(input.markAsRead !== undefined && { markAsRead: input.markAsRead }),
    },
  };
  const problems = connectionProblems(definition);
  if (problems.length) throw invalid(problems);
  return definition;
}

/** The names of the fields an input sets (secrets by name only, for the audit log). */
export const fieldsSet = (input: ConnectionInput): string[] =>
  Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

const invalid = (fields: Array<{ field: string; message: string }>) =>
  new ValidationError(`Invalid ${fields.map((f) => `${f.field} (${f.message})`).join(', ')}`, fields);
