import { inject, injectable } from 'inversify';
import { ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TimelineEntityType, TimelineRepository } from '../domain/TimelineEntry';

export interface AddNoteInput {
  /** Already allowed to read the entity (the route checks it as for GET /timeline). */
  actor: Actor;
  entityType: TimelineEntityType;
  entityId: string;
  text: string;
}

/** `POST /timeline/notes` (SPEC §19): a staff note (`NOTE`, source `WEB`) on an entity's timeline. */
@injectable()
export class AddNote {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, entityType, entityId, text }: AddNoteInput): Promise<string> {
    const note = text.trim();
    if (!note) throw new ValidationError('text is empty', [{ field: 'text', message: 'must not be blank' }]);
    return this.unitOfWork.run(async () => {
      const who = { tenantId: actor.tenantId, actor: actorLabel(actor) };
      const id = await this.timeline.add({
        ...who,
        entityType,
        entityId,
        eventType: 'NOTE',
        source: 'WEB',
        content: { text: note },
      });
      await this.audit.record({
        ...who,
        action: 'NOTE_ADDED',
        entityType,
        entityId,
        details: { entryId: id },
      });
      return id;
    });
  }
}
