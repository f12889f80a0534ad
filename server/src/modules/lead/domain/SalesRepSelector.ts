import type { Role } from '../../identity/domain/Role';

export interface StaffContact {
  id: string;
  name: string;
  phone: string;
  role: Role;
}

export interface SalesRepSelector {
  /**
   * The active sales rep with the fewest open leads; among equals the one least recently given a
   * lead (round-robin), then by id. Undefined when the tenant has no active sales rep.
   */
  select(tenantId: string): Promise<StaffContact | undefined>;
  /** Active staff with one of these roles, e.g. to alert every manager. */
  activeStaff(tenantId: string, roles: readonly Role[]): Promise<StaffContact[]>;
}
