import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { BroadcastListRepository } from '../domain/BroadcastList';
import { addListMembers, type MembersAdded } from './addListMembers';

export interface AddBroadcastListMembersInput {
  actor: Actor;
  listId: string;
  members: Array<{ phone: string; name?: string }>;
}

/**
 * Staff add members to a list (phones in any format; see addListMembers). The members and the
 * BROADCAST_LIST_MEMBERS_ADDED audit entry (how many, never the phones) commit together.
 */
@injectable()
export class AddBroadcastListMembers {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.BroadcastListRepository) private readonly lists: BroadcastListRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, listId, members }: AddBroadcastListMembersInput): Promise<MembersAdded> {
    assertAllowed(actor, 'broadcast');
    return this.unitOfWork.run(async () => {
      const list = await this.lists.findById(actor.tenantId, listId);
      if (!list) throw new NotFoundError('broadcast list', listId);
      const deps = { tenants: this.tenants, lists: this.lists };
      const result = await addListMembers(deps, actor.tenantId, list.id, members);
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'BROADCAST_LIST_MEMBERS_ADDED',
        entityType: 'broadcast_list',
        entityId: list.id,
        details: { added: result.added },
      });
      return result;
    });
  }
}
