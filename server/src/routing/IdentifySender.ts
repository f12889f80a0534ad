import { inject, injectable } from 'inversify';
import type { Actor } from '../modules/identity/domain/Actor';
import type { SenderDirectory } from '../modules/identity/domain/SenderDirectory';
import { TYPES } from '../types';

export interface SenderToIdentify {
  phone: string;
  profileName?: string;
}

export interface IdentifiedSenders {
  /** One per sender asked about, in the same order. */
  actors: Actor[];
  /** The tenant's language, to answer in. */
  language: string;
}

/** Phone → an active staff user of the tenant (with their role), or a customer; for a batch at once. */
@injectable()
export class IdentifySender {
  constructor(@inject(TYPES.SenderDirectory) private readonly directory: SenderDirectory) {}

  async execute(tenantId: string, senders: SenderToIdentify[]): Promise<IdentifiedSenders> {
    const found = await this.directory.lookup(
      tenantId,
      senders.map((s) => s.phone),
    );
    const actors = senders.map(({ phone, profileName }): Actor => {
      const user = found?.users.get(phone);
      if (user?.active)
        return { tenantId, role: user.role, userId: user.id, phone, name: user.name, source: 'WHATSAPP' };
      return { tenantId, role: 'customer', phone, name: profileName, source: 'WHATSAPP' };
    });
    return { actors, language: found?.language ?? 'en' };
  }
}
