import type { Role } from '../../identity/domain/Role';

/** A staff member as a trip shows them. */
export interface AssignedStaff {
  id: string;
  name: string;
  role: Role;
}

const ASSIGNABLE: readonly Role[] = ['field_staff', 'operations', 'manager'];

/** Sales people sell trips; they are not staffed on them. */
export const isAssignableRole = (role: Role): boolean => ASSIGNABLE.includes(role);
