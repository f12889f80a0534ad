import { inject, injectable } from 'inversify';
import { assertAllowed, actorLabel, type Actor } from '../../identity/domain/Actor';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { OptInRepository, OptInStatus } from '../domain/OptIn';

/** STOP / START from the customer (or a staff change on their behalf through REST). */
@injectable()
export class SetConsent {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: { actor: Actor; phone: string; status: OptInStatus; source: string }): Promise<void> {
    if (input.actor.role === 'customer') assertAllowed(input.actor, 'manage_own_consent');
    else assertAllowed(input.actor, 'manage_conversations');
    await this.unitOfWork.run(async () => {
      await this.optIns.set(input.actor.tenantId, input.phone, input.status, input.source);
      await this.audit.record({
        tenantId: input.actor.tenantId,
        actor: actorLabel(input.actor),
        action: input.status === 'opted_out' ? 'OPTED_OUT' : 'OPTED_IN',
        entityType: 'contact',
        entityId: input.phone,
        details: { source: input.source },
      });
    });
  }
}
