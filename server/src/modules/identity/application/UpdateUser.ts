import { inject, injectable } from 'inversify';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../domain/Actor';
import { isRole, ROLES } from '../domain/Role';
import type { User } from '../domain/User';
import type { ApiKeyRepository, UserRepository } from '../domain/UserRepository';

export interface UpdateUserInput {
  actor: Actor;
  userId: string;
  name?: string;
  role?: string;
  /**
   * false deactivates: the user's API keys are revoked for good (reactivating does not bring them
   * back; issue a new one) and they count as a customer on WhatsApp.
   */
  active?: boolean;
}

/** `PATCH /users/:id`: a manager renames, changes the role of, or (de)activates a staff user. */
@injectable()
export class UpdateUser {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.ApiKeyRepository) private readonly apiKeys: ApiKeyRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: UpdateUserInput): Promise<User> {
    const { actor } = input;
    assertAllowed(actor, 'manage_users');
    const name = input.name?.trim();
    if (input.name !== undefined && !name)
      throw new ValidationError('name must not be empty', [{ field: 'name', message: 'must not be empty' }]);
    if (input.role !== undefined && !isRole(input.role))
      throw new ValidationError(`role must be one of ${ROLES.join(', ')}`, [
        { field: 'role', message: 'unknown role' },
      ]);
    return this.unitOfWork.run(async () => {
      const user = await this.users.findById(actor.tenantId, input.userId);
      if (!user) throw new NotFoundError('user', input.userId);
      const changed: User = {
        ...user,
        name: name ?? user.name,
        role: (input.role as User['role'] | undefined) ?? user.role,
        active: input.active ?? user.active,
      };
      // A manager cannot lock themselves out (the last manager would leave nobody to undo it).
      if (user.id === actor.userId && (changed.role !== user.role || !changed.active))
        throw new BusinessRuleError(
          'OWN_ACCESS_UNCHANGEABLE',
          'You cannot change your own role or deactivate yourself',
        );
      await this.users.update(changed);
      const deactivated = user.active && !changed.active;
      const revokedKeys = deactivated ? await this.apiKeys.revokeAll(actor.tenantId, user.id) : 0;
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'USER_UPDATED',
        entityType: 'user',
        entityId: user.id,
        details: { ...diff(user, changed), ...(deactivated ? { revokedKeys } : {}) },
      });
      return changed;
    });
  }
}

function diff(before: User, after: User): Record<string, unknown> {
  const fields = ['name', 'role', 'active'] as const;
  return Object.fromEntries(
    fields.filter((f) => before[f] !== after[f]).map((f) => [f, { from: before[f], to: after[f] }]),
  );
}
