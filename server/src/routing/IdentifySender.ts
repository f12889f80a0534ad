import { inject, injectable } from 'inversify';
import type { UserRepository } from '../modules/identity/domain/UserRepository';
import { TYPES } from '../types';
import type { Actor } from '../modules/identity/domain/Actor';

/** Phone → an active staff user of the tenant (with their role), or a customer. */
@injectable()
export class IdentifySender {
  constructor(@inject(TYPES.UserRepository) private readonly users: UserRepository) {}

  async execute(tenantId: string, phone: string, profileName?: string): Promise<Actor> {
    const user = await this.users.findByPhone(tenantId, phone);
    if (user?.active)
      return { tenantId, role: user.role, userId: user.id, phone, name: user.name, source: 'WHATSAPP' };
    return { tenantId, role: 'customer', phone, name: profileName, source: 'WHATSAPP' };
  }
}
