import { inject, injectable } from 'inversify';
import { ConflictError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { requiredText } from '../../booking/domain/requiredText';
import type { BroadcastList, BroadcastListRepository } from '../domain/BroadcastList';
import { addListMembers } from './addListMembers';

export interface CreateBroadcastListInput {
  actor: Actor;
  name: string;
  /** Members to start with (phones in any format the tenant's region allows). */
  members?: Array<{ phone: string; name?: string }>;
}

/**
 * A named recipient list, optionally with its first members. The list, its members and the
 * BROADCAST_LIST_CREATED audit entry (name and member count, never the phones) commit together.
 */
@injectable()
export class CreateBroadcastList {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.BroadcastListRepository) private readonly lists: BroadcastListRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, name, members = [] }: CreateBroadcastListInput): Promise<BroadcastList> {
    assertAllowed(actor, 'broadcast');
    const listName = requiredText(name, 'name', 200);
    return this.unitOfWork.run(async () => {
      let list = await this.lists.create(actor.tenantId, listName);
      if (!list)
        throw new ConflictError('BROADCAST_LIST_EXISTS', `A broadcast list "${listName}" already exists`);
      if (members.length) {
        const deps = { tenants: this.tenants, lists: this.lists };
        const { added } = await addListMembers(deps, actor.tenantId, list.id, members);
        list = { ...list, memberCount: added };
      }
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'BROADCAST_LIST_CREATED',
        entityType: 'broadcast_list',
        entityId: list.id,
        details: { name: list.name, members: list.memberCount },
      });
      return list;
    });
  }
}
