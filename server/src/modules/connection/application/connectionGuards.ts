import { ConflictError, NotFoundError, type FieldProblem } from '../../../shared/errors/AppError';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type {
  ConnectionDefinition,
  WhatsappConfiguration,
  WhatsappConfigurationRepository,
} from '../domain/WhatsappConfiguration';

/**
 * Inbound routing must stay unambiguous: a phone-number id, a number on a provider, a number or a
 * WABA belong to one tenant. Otherwise a tenant could claim another's events (409 naming the field).
 */
export async function refuseClaimed(
  repository: WhatsappConfigurationRepository,
  definition: ConnectionDefinition,
  exceptId?: string,
): Promise<void> {
  const claims = await repository.claimsOf(definition, exceptId);
  const fields: FieldProblem[] = [];
  const claimed = (field: string) => fields.push({ field, message: 'is already connected' });
  if (claims.some((c) => definition.phoneNumberId && c.phoneNumberId === definition.phoneNumberId))
    claimed('phoneNumberId');
  if (claims.some((c) => definition.phoneNumber && c.phoneNumber === definition.phoneNumber))
    claimed('phoneNumber');
  if (
    claims.some((c) => definition.businessAccountId && c.businessAccountId === definition.businessAccountId)
  )
    claimed('businessAccountId');
  if (fields.length)
    throw new ConflictError(
      'CONNECTION_CONFLICT',
      `Already connected: ${fields.map((f) => f.field).join(', ')}`,
      { fields },
    );
}

/** The connection, within the tenant when one is given (REST); the CLI operator sees every tenant's. */
export async function connectionOrNotFound(
  repository: WhatsappConfigurationRepository,
  id: string,
  tenantId?: string,
  lock = true,
): Promise<WhatsappConfiguration> {
  const connection = await repository.find(id, tenantId, lock);
  if (!connection) throw new NotFoundError('connection', id);
  return connection;
}

/** The environment rewrites its connection at every start: a change made here would be lost. */
export function refuseEnvironmentManaged(connection: WhatsappConfiguration): void {
  if (connection.source === 'environment')
    throw new ConflictError(
      'CONNECTION_MANAGED_BY_ENVIRONMENT',
      'This connection is configured by the WHATSAPP_* environment variables: change them and restart',
    );
}

export function auditConnection(
  audit: AuditLog,
  by: string,
  action: string,
  connection: WhatsappConfiguration,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit.record({
    tenantId: connection.tenantId,
    actor: by,
    action,
    entityType: 'connection',
    entityId: connection.id,
    details: { provider: connection.provider, phoneNumber: connection.phoneNumber, ...details },
  });
}
