import { inject, injectable } from 'inversify';
import { ConflictError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { auditConnection, refuseClaimed } from '../../connection/application/connectionGuards';
import { asQualityRating } from '../../connection/domain/ConnectionStatus';
import type {
  ConnectionDefinition,
  WhatsappConfiguration,
  WhatsappConfigurationRepository,
} from '../../connection/domain/WhatsappConfiguration';
import type { Onboarding } from '../domain/Onboarding';
import { OnboardingStepError } from '../domain/OnboardingStepError';

/**
 * The last step: the onboarded number becomes an `active` connection of the tenant (source
 * `onboarding`), in the caller's transaction. What another tenant holds is refused as the step's
 * error (the WABA or number named), and nothing is written. The tenant's own connection of the
 * number is renewed instead (onboarding again is how a business refreshes its token). The caller refreshes the directory
 * once the transaction commits.
 */
@injectable()
export class ConnectOnboardedNumber {
  constructor(
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(o: Onboarding, definition: ConnectionDefinition): Promise<string> {
    const own = await ownConnectionOf(this.connections, definition);
    try {
      await refuseClaimed(this.connections, definition, own?.id);
    } catch (error) {
      if (error instanceof ConflictError)
        throw new OnboardingStepError({ message: claimedMessage(definition), code: error.code }, 'conflict');
      throw error;
    }
    // The tenant's own number onboarded again (a new token): the connection is renewed in place.
    const saved = own
      ? await this.connections.replaceDefinition(own.id, { ...definition, settings: own.settings })
      : await this.connections.add({ ...definition, source: 'onboarding' });
    await this.connections.recordHealth(saved.id, {
      status: 'active',
      displayPhoneNumber: o.facts.displayPhoneNumber,
      verifiedName: o.facts.verifiedName,
      qualityRating: asQualityRating(o.facts.qualityRating),
      tokenExpiresAt: o.facts.tokenExpiresAt ? new Date(o.facts.tokenExpiresAt) : null,
    });
    const action = own ? 'CONNECTION_UPDATED' : 'CONNECTION_ADDED';
    await auditConnection(this.audit, o.startedBy ?? 'onboarding', action, saved, { onboardingId: o.id });
    return saved.id;
  }
}

/** The tenant's own connection of the number an onboarding connects (renewed rather than refused). */
export async function ownConnectionOf(
  connections: WhatsappConfigurationRepository,
  d: Pick<ConnectionDefinition, 'tenantId' | 'provider' | 'phoneNumberId' | 'phoneNumber'>,
): Promise<WhatsappConfiguration | undefined> {
  const same = (c: WhatsappConfiguration) =>
    c.provider === d.provider &&
    c.source !== 'environment' &&
    (d.phoneNumberId ? c.phoneNumberId === d.phoneNumberId : c.phoneNumber === d.phoneNumber);
  return (await connections.findByTenant(d.tenantId)).find(same);
}

/** Names what is taken: the WABA for Meta, else the number. */
export function claimedMessage(
  d: Pick<ConnectionDefinition, 'businessAccountId' | 'phoneNumberId' | 'phoneNumber'>,
) {
  if (d.businessAccountId)
    return `WhatsApp Business Account ${d.businessAccountId} (phone number id ${d.phoneNumberId ?? '-'}) is already connected`;
  return `The number ${d.phoneNumber ?? d.phoneNumberId} is already connected`;
}
