import type { Role } from './Role';

export interface User {
  id: string;
  tenantId: string;
  name: string;
  /** E.164 */
  phone: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

export type NewUser = Pick<User, 'tenantId' | 'name' | 'phone' | 'role'>;
