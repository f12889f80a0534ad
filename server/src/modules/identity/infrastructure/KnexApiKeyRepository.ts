import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { User } from '../domain/User';
import type { ApiKeyRepository } from '../domain/UserRepository';
import { toUser, type UserRow } from './KnexUserRepository';

@injectable()
export class KnexApiKeyRepository implements ApiKeyRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async add(key: { tenantId: string; userId: string; prefix: string; hash: string }): Promise<void> {
    await this.db
      .q('api_keys')
      .insert({ tenant_id: key.tenantId, user_id: key.userId, prefix: key.prefix, key_hash: key.hash });
  }

  async findUserByHash(hash: string): Promise<User | undefined> {
    return (await this.findLiveKey(hash))?.user;
  }

  async findLiveKey(hash: string): Promise<{ id: string; user: User } | undefined> {
    const row = await this.db
      .q<UserRow & { key_id: string }>('api_keys as k')
      .join('users as u', function () {
        this.on('u.id', 'k.user_id').andOn('u.tenant_id', 'k.tenant_id');
      })
      .where({ 'k.key_hash': hash, 'u.active': true })
      .whereNull('k.revoked_at')
      .first('u.*', 'k.id as key_id');
    return row && { id: row.key_id, user: toUser(row) };
  }

  async revokeAll(tenantId: string, userId: string): Promise<number> {
    return this.db
      .q('api_keys')
      .where({ tenant_id: tenantId, user_id: userId })
      .whereNull('revoked_at')
      .update({ revoked_at: this.db.knex.fn.now() });
  }
}
