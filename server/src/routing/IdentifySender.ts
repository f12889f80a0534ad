import { inject, injectable } from 'inversify';
import type { Actor } from '../modules/identity/domain/Actor';
import type { SenderDirectory } from '../modules/identity/domain/SenderDirectory';
import { TYPES } from '../types';

export interface IdentifiedSender {
  actor: Actor;
  /** The tenant's language, to answer in. */
  language: string;
}

/** Phone → an active staff user of the tenant (with their role), or a customer. */
@injectable()
export class IdentifySender {
  constructor(@inject(TYPES.SenderDirectory) private readonly directory: SenderDirectory) {}

  async execute(tenantId: string, phone: string, profileName?: string): Promise<IdentifiedSender> {
    const found = await this.directory.lookup(tenantId, phone);
    const language = found?.language ?? 'en';
    const user = found?.user;
    if (user?.active)
      return {
        actor: { tenantId, role: user.role, userId: user.id, phone, name: user.name, source: 'WHATSAPP' },
        language,
      };
    return { actor: { tenantId, role: 'customer', phone, name: profileName, source: 'WHATSAPP' }, language };
  }
}
