import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { rememberStaffNumbers } from '../../identity/infrastructure/staffNumbers';
import type { Role } from '../../identity/domain/Role';
import type { SalesRepLoad, SalesRepSelector, StaffContact } from '../domain/SalesRepSelector';

@injectable()
export class KnexSalesRepSelector implements SalesRepSelector {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async loads(tenantId: string): Promise<SalesRepLoad[]> {
    const { rows } = await this.db.q.raw<{
      rows: Array<StaffContact & { open_leads: number; last_assigned_at: Date | null }>;
    }>(
      `SELECT u.id, u.name, u.phone, u.role,
              (COUNT(l.id) FILTER (WHERE l.status IN ('new','contacted','quoted')))::int AS open_leads,
              MAX(l.created_at) AS last_assigned_at
         FROM users u
         LEFT JOIN leads l ON l.tenant_id = u.tenant_id AND l.assigned_to = u.id
        WHERE u.tenant_id = ? AND u.role = 'sales' AND u.active
        GROUP BY u.id`,
      [tenantId],
    );
    // The alerts to these reps are not counted as messages: the count need not ask again.
    await rememberStaffNumbers(
      this.db,
      tenantId,
      rows.map((r) => r.phone),
      new Set(rows.map((r) => r.phone)),
    );
    return rows.map(({ open_leads, last_assigned_at, ...rep }) => ({
      ...rep,
      openLeads: open_leads,
      lastAssignedAt: last_assigned_at ?? undefined,
    }));
  }

  async activeStaff(tenantId: string, roles: readonly Role[]): Promise<StaffContact[]> {
    const rows = await this.db
      .q('users')
      .select('id', 'name', 'phone', 'role')
      .where({ tenant_id: tenantId, active: true })
      .whereIn('role', [...roles])
      .orderBy('name');
    const staff = (rows as StaffContact[]).map((r) => r.phone);
    await rememberStaffNumbers(this.db, tenantId, staff, new Set(staff));
    return rows as StaffContact[];
  }
}
