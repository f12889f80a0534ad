import crypto from 'node:crypto';
import { BusinessRuleError, ConflictError } from '../../../shared/errors/AppError';
import { refuseClaimed } from '../../connection/application/connectionGuards';
import type {
  ConnectionDefinition,
  WhatsappConfigurationRepository,
} from '../../connection/domain/WhatsappConfiguration';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { Onboarding } from '../domain/Onboarding';
import { claimedMessage, ownConnectionOf } from './ConnectOnboardedNumber';

/** The same code (or channel) submitted twice is one onboarding: its key is a hash, never the code. */
export const requestKeyOf = (provider: string, value: string): string =>
  crypto.createHash('sha256').update(`${provider}:${value}`).digest('hex');

export const notConfigured = (variables: string) =>
  new BusinessRuleError('ONBOARDING_NOT_CONFIGURED', `Onboarding through this provider needs ${variables}`);

/**
 * Before anything is written: a WABA or number already connected (to another tenant, or not as
 * the tenant's own renewable connection) is a 409 naming it.
 */
export async function refuseConnected(
  connections: WhatsappConfigurationRepository,
  definition: ConnectionDefinition,
): Promise<void> {
  try {
    const own = await ownConnectionOf(connections, definition);
    await refuseClaimed(connections, definition, own?.id);
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError('ONBOARDING_ALREADY_CONNECTED', claimedMessage(definition), error.details);
    throw error;
  }
}

/** A code is one business's: submitted again by another tenant, it is refused. */
export function ownOnboarding(o: Onboarding, tenantId: string): Onboarding {
  if (o.tenantId !== tenantId)
    throw new ConflictError(
      'ONBOARDING_CODE_USED',
      'This code or channel was already submitted by another account',
    );
  return o;
}

/** Every start and retry is in the audit log, with the ids, never a secret. */
export const auditOnboarding = (audit: AuditLog, o: Onboarding, by: string, action: string) =>
  audit.record({
    tenantId: o.tenantId,
    actor: by,
    action,
    entityType: 'onboarding',
    entityId: o.id,
    details: {
      provider: o.provider,
      wabaId: o.wabaId,
      phoneNumberId: o.phoneNumberId,
      channelId: o.channelId,
    },
  });
