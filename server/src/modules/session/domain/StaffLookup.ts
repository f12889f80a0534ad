import type { User } from '../../identity/domain/User';

export interface StaffLookup {
  /** Active staff users with this E.164 phone, in every tenant or in one. */
  activeByPhone(phone: string, tenantId?: string): Promise<User[]>;
}
