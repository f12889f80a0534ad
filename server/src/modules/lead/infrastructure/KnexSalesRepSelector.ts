import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Role } from '../../identity/domain/Role';
import type { SalesRepSelector, StaffContact } from '../domain/SalesRepSelector';

@injectable()
export class KnexSalesRepSelector implements SalesRepSelector {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async select(tenantId: string): Promise<StaffContact | undefined> {
    const { rows } = await this.db.q.raw<{ rows: StaffContact[] }>(
      `SELECT u.id, u.name, u.phone, u.role
         FROM users u
         LEFT JOIN leads l ON l.tenant_id = u.tenant_id AND l.assigned_to = u.id
        WHERE u.tenant_id = ? AND u.role = 'sales' AND u.active
        GROUP BY u.id
        ORDER BY COUNT(l.id) FILTER (WHERE l.status IN ('new','contacted','quoted')),
                 MAX(l.created_at) NULLS FIRST,
                 u.id
        LIMIT 1`,
      [tenantId],
    );
    return rows[0];
  }

  async activeStaff(tenantId: string, roles: readonly Role[]): Promise<StaffContact[]> {
    const rows = await this.db
      .q('users')
      .select('id', 'name', 'phone', 'role')
      .where({ tenant_id: tenantId, active: true })
      .whereIn('role', [...roles])
      .orderBy('name');
    return rows as StaffContact[];
  }
}
