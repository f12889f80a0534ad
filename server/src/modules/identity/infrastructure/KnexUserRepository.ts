import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Role } from '../domain/Role';
import type { NewUser, User } from '../domain/User';
import type { UserRepository } from '../domain/UserRepository';
import { forgetStaffNumber } from './staffNumbers';

export interface UserRow {
  id: string;
  tenant_id: string;
  name: string;
  phone: string;
  role: string;
  active: boolean;
  created_at: Date;
}

export const toUser = (r: UserRow): User => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  phone: r.phone,
  role: r.role as Role,
  active: r.active,
  createdAt: r.created_at,
});

@injectable()
export class KnexUserRepository implements UserRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(user: NewUser): Promise<User> {
    const [row] = await this.db
      .q<UserRow>('users')
      .insert({ tenant_id: user.tenantId, name: user.name, phone: user.phone, role: user.role })
      .returning('*');
    await forgetStaffNumber(this.db, user.tenantId, user.phone);
    return toUser(row);
  }

  async findById(tenantId: string, id: string): Promise<User | undefined> {
    const row = await this.db.q<UserRow>('users').where({ tenant_id: tenantId, id }).first();
    return row && toUser(row);
  }

  async findByPhone(tenantId: string, phone: string): Promise<User | undefined> {
    const row = await this.db.q<UserRow>('users').where({ tenant_id: tenantId, phone }).first();
    return row && toUser(row);
  }

  async update(user: User): Promise<void> {
    await this.db
      .q('users')
      .where({ tenant_id: user.tenantId, id: user.id })
      .update({ name: user.name, role: user.role, active: user.active, updated_at: this.db.knex.fn.now() });
  }
}
