import type { Role } from '../../identity/domain/Role';

export interface StaffContact {
  id: string;
  name: string;
  phone: string;
  role: Role;
}

/** An active sales rep with what the assignment rule weighs. */
export interface SalesRepLoad extends StaffContact {
  openLeads: number;
  /** When the rep was last given a lead; undefined if never. */
  lastAssignedAt?: Date;
}

export interface SalesRepSelector {
  /** The tenant's active sales reps with their open leads (assignRoundRobin picks among them). */
  loads(tenantId: string): Promise<SalesRepLoad[]>;
  /** Active staff with one of these roles, e.g. to alert every manager. */
  activeStaff(tenantId: string, roles: readonly Role[]): Promise<StaffContact[]>;
}
