import { inject, injectable } from 'inversify';
import { ConflictError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import { requiredText } from '../../booking/domain/requiredText';
import type { BroadcastList, BroadcastListRepository } from '../domain/BroadcastList';
import type { AddBroadcastListMembers } from './AddBroadcastListMembers';

export interface CreateBroadcastListInput {
  actor: Actor;
  name: string;
  /** Members to start with (phones in any format the tenant's region allows). */
  members?: Array<{ phone: string; name?: string }>;
}

@injectable()
export class CreateBroadcastList {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.BroadcastListRepository) private readonly lists: BroadcastListRepository,
    @inject(TYPES.AddBroadcastListMembers) private readonly addMembers: AddBroadcastListMembers,
  ) {}

  async execute({ actor, name, members = [] }: CreateBroadcastListInput): Promise<BroadcastList> {
    assertAllowed(actor, 'broadcast');
    const listName = requiredText(name, 'name', 200);
    return this.unitOfWork.run(async () => {
      const list = await this.lists.create(actor.tenantId, listName);
      if (!list)
        throw new ConflictError('BROADCAST_LIST_EXISTS', `A broadcast list "${listName}" already exists`);
      if (!members.length) return list;
      const { added } = await this.addMembers.execute({ actor, listId: list.id, members });
      return { ...list, memberCount: added };
    });
  }
}
