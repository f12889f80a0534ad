import { inject, injectable } from 'inversify';
import { ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { WhatsappConfiguration, WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import {
  auditConnection,
  connectionOrNotFound,
  refuseClaimed,
  refuseEnvironmentManaged,
} from './connectionGuards';
import { definitionOf, fieldsSet, type ConnectionInput } from './connectionInput';
import type { TenantDirectory } from './TenantDirectory';

export interface UpdateConnectionInput {
  id: string;
  /** REST: the caller's tenant (another tenant's connection is not found); the CLI acts for any. */
  tenantId?: string;
  by: string;
  changes: ConnectionInput;
}

/** Changes what an operator stated about a connection; secrets given replace the stored ones. */
@injectable()
export class UpdateConnection {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ id, tenantId, by, changes }: UpdateConnectionInput): Promise<WhatsappConfiguration> {
    const changed = fieldsSet(changes);
    if (!changed.length)
      throw new ValidationError('nothing to change', [{ field: 'body', message: 'no change given' }]);
    const updated = await this.unitOfWork.run(async () => {
      const current = await connectionOrNotFound(this.connections, id, tenantId);
      refuseEnvironmentManaged(current);
      const definition = definitionOf(current.tenantId, changes, current);
      await refuseClaimed(this.connections, definition, current.id);
      const saved = await this.connections.replaceDefinition(current.id, definition);
      await auditConnection(this.audit, by, 'CONNECTION_UPDATED', saved, { fields: changed });
      return saved;
    });
    this.directory.invalidate();
    return updated;
  }
}
