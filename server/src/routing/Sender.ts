import type { User } from '../modules/identity/domain/User';

/** Who wrote: a staff user of the tenant (by phone), or a customer. */
export type Sender =
  | { kind: 'staff'; tenantId: string; user: User; phone: string }
  | { kind: 'customer'; tenantId: string; phone: string; name?: string };

export const principalOf = (sender: Sender) => (sender.kind === 'staff' ? sender.user.role : 'customer');
export const actorOf = (sender: Sender) =>
  sender.kind === 'staff' ? sender.user.id : `customer:${sender.phone}`;
