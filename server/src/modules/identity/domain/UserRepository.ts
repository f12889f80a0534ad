import type { NewUser, User } from './User';

export interface UserRepository {
  create(user: NewUser): Promise<User>;
  findById(tenantId: string, id: string): Promise<User | undefined>;
  findByPhone(tenantId: string, phone: string): Promise<User | undefined>;
  /** Writes name, role and active. */
  update(user: User): Promise<void>;
}

export interface ApiKeyRepository {
  add(key: { tenantId: string; userId: string; prefix: string; hash: string }): Promise<void>;
  /** The active user behind a key hash, across tenants (the key is what tells the tenant). */
  findUserByHash(hash: string): Promise<User | undefined>;
  /** The live key behind a hash, with its active user (a console session remembers which key opened it). */
  findLiveKey(hash: string): Promise<{ id: string; user: User } | undefined>;
  /** Revokes every live key of the user; returns how many. */
  revokeAll(tenantId: string, userId: string): Promise<number>;
}
