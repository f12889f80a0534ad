import { inject, injectable } from 'inversify';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Contact, ContactChanges, ContactRepository } from '../domain/Contact';

/** `PATCH /contacts/:phone`: name, language (then used for automatic replies), tags, notes; audited. */
@injectable()
export class UpdateContact {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({
    actor,
    phone,
    changes,
  }: {
    actor: Actor;
    phone: string;
    changes: ContactChanges;
  }): Promise<Contact> {
    assertAllowed(actor, 'manage_conversations');
    return this.unitOfWork.run(async () => {
      const contact = await this.contacts.update(actor.tenantId, phone, changes);
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'CONTACT_UPDATED',
        entityType: 'contact',
        entityId: phone,
        details: { ...changes, notes: changes.notes === undefined ? undefined : '(changed)' },
      });
      return contact;
    });
  }
}
