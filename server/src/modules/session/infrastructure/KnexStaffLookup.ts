import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { User } from '../../identity/domain/User';
import { toUser, type UserRow } from '../../identity/infrastructure/KnexUserRepository';
import type { StaffLookup } from '../domain/StaffLookup';

@injectable()
export class KnexStaffLookup implements StaffLookup {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async activeByPhone(phone: string, tenantId?: string): Promise<User[]> {
    const query = this.db.q<UserRow>('users').where({ phone, active: true }).select('*');
    if (tenantId) query.where({ tenant_id: tenantId });
    return (await query).map(toUser);
  }
}
