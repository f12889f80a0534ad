import type { Role } from '../../identity/domain/Role';
import type { User } from '../../identity/domain/User';

/** Staff users as field work needs them: who to alert, who may be assigned. */
export interface StaffDirectory {
  /** Active users of the tenant with one of `roles`. */
  activeByRoles(tenantId: string, roles: Role[]): Promise<User[]>;
  /** A user of the tenant, active or not. */
  findById(tenantId: string, id: string): Promise<User | undefined>;
}
