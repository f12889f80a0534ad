import { inject, injectable } from 'inversify';
import { issueApiKey } from '../../../shared/crypto/apiKeys';
import { BusinessRuleError, NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../domain/Actor';
import type { User } from '../domain/User';
import type { ApiKeyRepository, UserRepository } from '../domain/UserRepository';

export interface IssueApiKeyInput {
  actor: Actor;
  userId: string;
  /** Keep the user's current keys working (a rollover); by default they are revoked. */
  keepExisting?: boolean;
}

export interface IssuedKey {
  user: User;
  apiKey: string;
  prefix: string;
  revokedKeys: number;
}

/**
 * `POST /users/:id/api-keys`: a new key, shown once. Rotation is the usual reason (a lost or
 * leaked key), so the user's other keys are revoked unless `keepExisting` asks for a rollover.
 */
@injectable()
export class IssueApiKey {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.ApiKeyRepository) private readonly apiKeys: ApiKeyRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, userId, keepExisting = false }: IssueApiKeyInput): Promise<IssuedKey> {
    assertAllowed(actor, 'manage_users');
    return this.unitOfWork.run(async () => {
      const user = await this.users.findById(actor.tenantId, userId);
      if (!user) throw new NotFoundError('user', userId);
      if (!user.active)
        throw new BusinessRuleError('USER_INACTIVE', 'Activate the user before issuing them a key');
      const revokedKeys = keepExisting ? 0 : await this.apiKeys.revokeAll(actor.tenantId, user.id);
      const key = issueApiKey();
      await this.apiKeys.add({
        tenantId: actor.tenantId,
        userId: user.id,
        prefix: key.prefix,
        hash: key.hash,
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'API_KEY_ISSUED',
        entityType: 'user',
        entityId: user.id,
        details: { keyPrefix: key.prefix, revokedKeys },
      });
      return { user, apiKey: key.key, prefix: key.prefix, revokedKeys };
    });
  }
}
