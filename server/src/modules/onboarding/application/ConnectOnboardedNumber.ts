import { inject, injectable } from 'inversify';
import { ConflictError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { auditConnection, refuseClaimed } from '../../connection/application/connectionGuards';
import { asQualityRating } from '../../connection/domain/ConnectionStatus';
import type {
  ConnectionDefinition,
  WhatsappConfigurationRepository,
} from '../../connection/domain/WhatsappConfiguration';
import type { Onboarding } from '../domain/Onboarding';
import { OnboardingStepError } from '../domain/OnboardingStepError';

/**
 * The last step: the onboarded number becomes an `active` connection of the tenant (source
 * `onboarding`), in the caller's transaction. What another tenant holds is refused as the step's
 * error (the WABA or number named), and nothing is written. The caller refreshes the directory
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
    try {
      await refuseClaimed(this.connections, definition);
    } catch (error) {
      if (error instanceof ConflictError)
        throw new OnboardingStepError({ message: claimedMessage(definition), code: error.code }, 'conflict');
      throw error;
    }
    const added = await this.connections.add({ ...definition, source: 'onboarding' });
    await this.connections.recordHealth(added.id, {
      status: 'active',
      displayPhoneNumber: o.facts.displayPhoneNumber,
      verifiedName: o.facts.verifiedName,
      qualityRating: asQualityRating(o.facts.qualityRating),
      tokenExpiresAt: o.facts.tokenExpiresAt ? new Date(o.facts.tokenExpiresAt) : undefined,
    });
    await auditConnection(this.audit, o.startedBy ?? 'onboarding', 'CONNECTION_ADDED', added, {
      onboardingId: o.id,
    });
    return added.id;
  }
}

/** Names what is taken: the WABA for Meta, else the number. */
export function claimedMessage(
  d: Pick<ConnectionDefinition, 'businessAccountId' | 'phoneNumberId' | 'phoneNumber'>,
) {
  if (d.businessAccountId)
    return `WhatsApp Business Account ${d.businessAccountId} (phone number id ${d.phoneNumberId ?? '-'}) is already connected`;
  return `The number ${d.phoneNumber ?? d.phoneNumberId} is already connected`;
}
