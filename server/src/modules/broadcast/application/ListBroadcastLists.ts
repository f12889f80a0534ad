import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { BroadcastListRepository } from '../domain/BroadcastList';

@injectable()
export class ListBroadcastLists {
  constructor(@inject(TYPES.BroadcastListRepository) private readonly lists: BroadcastListRepository) {}

  async execute({ actor, limit = 50, cursor }: { actor: Actor; limit?: number; cursor?: string }) {
    assertAllowed(actor, 'broadcast');
    const size = Math.min(Math.max(1, limit), 200);
    const rows = await this.lists.list(actor.tenantId, { limit: size + 1, after: cursor });
    const data = rows.slice(0, size);
    return { data, nextCursor: rows.length > size ? data[data.length - 1].id : undefined };
  }
}
