import type { Role } from '../../modules/identity/domain/Role';

/** The people of the scripted day. Phones are Argentine mobiles in E.164. */
export const STAFF: ReadonlyArray<{ key: StaffKey; name: string; phone: string; role: Role }> = [
  { key: 'manager', name: 'Marta (manager)', phone: '+5491155550001', role: 'manager' },
  { key: 'sales', name: 'Sofía (sales)', phone: '+5491155550002', role: 'sales' },
  { key: 'operations', name: 'Omar (operations)', phone: '+5491155550003', role: 'operations' },
  { key: 'guide', name: 'Gabriel (guide)', phone: '+5491155550004', role: 'field_staff' },
];

export type StaffKey = 'manager' | 'sales' | 'operations' | 'guide';

export const CUSTOMER = { name: 'Carla Customer', phone: '+5491166660101' };

export const TRIP = { code: 'TRP123', name: 'Iguazú Falls, 3 days' };

export const SECOND_CUSTOMER = { name: 'Diego Customer', phone: '+5491166660202' };
