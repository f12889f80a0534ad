import { inject, injectable } from 'inversify';
import { issueApiKey } from '../../../shared/crypto/apiKeys';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import { InvalidPhoneNumberError, PhoneNumber } from '../../../shared/phone/PhoneNumber';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { isRole, ROLES } from '../domain/Role';
import type { TenantRepository } from '../domain/TenantRepository';
import type { User } from '../domain/User';
import type { ApiKeyRepository, UserRepository } from '../domain/UserRepository';

export interface CreateUserInput {
  tenantId: string;
  name: string;
  phone: string;
  role: string;
}

@injectable()
export class CreateUser {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.ApiKeyRepository) private readonly apiKeys: ApiKeyRepository,
  ) {}

  /** Creates a staff user with a first API key; the key is returned here and never again. */
  async execute(input: CreateUserInput): Promise<{ user: User; apiKey: string }> {
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
