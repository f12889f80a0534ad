import { inject, injectable } from 'inversify';
import { issueApiKey } from '../../../shared/crypto/apiKeys';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import { InvalidPhoneNumberError, PhoneNumber } from '../../../shared/phone/PhoneNumber';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../domain/Actor';
import { isRole, ROLES } from '../domain/Role';
import type { TenantRepository } from '../domain/TenantRepository';
import type { User } from '../domain/User';
import type { ApiKeyRepository, UserRepository } from '../domain/UserRepository';

export interface CreateUserInput {
  /** The manager asking (REST); absent when the operator runs the CLI. */
  actor?: Actor;
  tenantId: string;
  name: string;
  phone: string;
  role: string;
  /** Who acts when there is no actor: the operator at the CLI, or the first-run setup page. */
  via?: 'cli' | 'setup';
}

@injectable()
export class CreateUser {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.ApiKeyRepository) private readonly apiKeys: ApiKeyRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Creates a staff user with a first API key; the key is returned here and never again. */
  async execute(input: CreateUserInput): Promise<{ user: User; apiKey: string }> {
    if (input.actor) assertAllowed(input.actor, 'manage_users');
    if (input.actor && input.actor.tenantId !== input.tenantId)
      throw new NotFoundError('tenant', input.tenantId);
    const tenant = await this.tenants.findById(input.tenantId);
    if (!tenant) throw new NotFoundError('tenant', input.tenantId);
    const name = input.name.trim();
    if (!name)
      throw new ValidationError('name is required', [{ field: 'name', message: 'must not be empty' }]);
    if (!isRole(input.role))
      throw new ValidationError(`role must be one of ${ROLES.join(', ')}`, [
        { field: 'role', message: 'unknown role' },
      ]);
    const phone = parsePhone(input.phone, tenant.defaultRegion);
    return this.unitOfWork.run(async () => {
      if (await this.users.findByPhone(tenant.id, phone))
        throw new ConflictError('USER_EXISTS', 'A user with this phone already exists in the tenant');
      const user = await this.users.create({
        tenantId: tenant.id,
        name,
        phone,
        role: input.role as User['role'],
      });
      const key = issueApiKey();
      await this.apiKeys.add({ tenantId: tenant.id, userId: user.id, prefix: key.prefix, hash: key.hash });
      await this.audit.record({
        tenantId: tenant.id,
        actor: input.actor ? actorLabel(input.actor) : (input.via ?? 'cli'),
        action: 'USER_CREATED',
        entityType: 'user',
        entityId: user.id,
        details: { role: user.role, keyPrefix: key.prefix },
      });
      return { user, apiKey: key.key };
    });
  }
}

function parsePhone(raw: string, region?: string): string {
  try {
    return PhoneNumber.parse(raw, region as never).e164;
  } catch (error) {
    if (error instanceof InvalidPhoneNumberError)
      throw new ValidationError(error.message, [{ field: 'phone', message: 'not a valid phone number' }]);
    throw error;
  }
}
