import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Role } from '../../identity/domain/Role';
import type { User } from '../../identity/domain/User';
import { toUser, type UserRow } from '../../identity/infrastructure/KnexUserRepository';
import type { StaffDirectory } from '../domain/StaffDirectory';
import { isUuid } from './isUuid';

@injectable()
export class KnexStaffDirectory implements StaffDirectory {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async activeByRoles(tenantId: string, roles: Role[]): Promise<User[]> {
    const rows = await this.db
      .q<UserRow>('users')
      .where({ tenant_id: tenantId, active: true })
      .whereIn('role', roles)
      .orderBy(['name', 'id']);
    return rows.map(toUser);
  }

  async findById(tenantId: string, id: string): Promise<User | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.q<UserRow>('users').where({ tenant_id: tenantId, id }).first();
    return row && toUser(row);
  }
}
