import { inject, injectable } from 'inversify';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import { auditConnection, connectionOrNotFound, refuseEnvironmentManaged } from './connectionGuards';
import type { TenantDirectory } from './TenantDirectory';

/**
 * Disconnects a number: its secrets are deleted, and deliveries for it are refused from then on
 * (at once in this process, within the directory's refresh elsewhere).
 */
@injectable()
export class RemoveConnection {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: { id: string; tenantId?: string; by: string }): Promise<void> {
    await this.unitOfWork.run(async () => {
      const connection = await connectionOrNotFound(this.connections, input.id, input.tenantId);
      refuseEnvironmentManaged(connection);
      await this.connections.remove(connection.id);
      await auditConnection(this.audit, input.by, 'CONNECTION_REMOVED', connection);
    });
    this.directory.invalidate();
  }
}
