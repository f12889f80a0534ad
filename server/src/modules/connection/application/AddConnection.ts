import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { UsageLimits } from '../../usage/application/UsageLimits';
import type { WhatsappConfiguration, WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import { auditConnection, refuseClaimed } from './connectionGuards';
import { definitionOf, fieldsSet, type ConnectionInput } from './connectionInput';
import type { TenantDirectory } from './TenantDirectory';

export interface AddConnectionInput {
  tenantId: string;
  /** Who asks, for the audit log: a user id (REST) or `cli`. */
  by: string;
  connection: ConnectionInput;
}

/**
 * A tenant's new WhatsApp number (REST `POST /whatsapp/connections`, `wa-ops connections add`);
 * through a provider's API only on a plan with `api_number` (403 `PLAN_FEATURE`).
 */
@injectable()
export class AddConnection {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
  ) {}

  async execute({ tenantId, by, connection }: AddConnectionInput): Promise<WhatsappConfiguration> {
    const definition = definitionOf(tenantId, connection);
    const added = await this.unitOfWork.run(async () => {
      if (!(await this.tenants.findById(tenantId))) throw new NotFoundError('tenant', tenantId);
      // A provider's API is `api_number` (SPEC §17); a `starter` tenant's number for click-to-chat
      // is a `console` connection.
      if (definition.provider !== 'console') await this.limits.requireFeature(tenantId, 'api_number');
      await refuseClaimed(this.connections, definition);
      const created = await this.connections.add({ ...definition, source: 'manual' });
      await auditConnection(this.audit, by, 'CONNECTION_ADDED', created, { fields: fieldsSet(connection) });
      return created;
    });
    this.directory.invalidate();
    return added;
  }
}
