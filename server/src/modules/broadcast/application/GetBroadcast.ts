import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { BroadcastRecord, BroadcastRepository } from '../domain/Broadcast';
import {
  countProgress,
  recipientProgress,
  type ProgressCounts,
  type RecipientProgress,
} from '../domain/recipientProgress';

export interface GetBroadcastInput {
  actor: Actor;
  id: string;
  /** Recipients per page (at most 200). */
  limit?: number;
  /** The last phone of the previous page. */
  after?: string;
}

export interface BroadcastView extends BroadcastRecord {
  /** Over every recipient, whatever page is shown. */
  counts: ProgressCounts;
  /** One page of recipients, by phone. */
  recipients: RecipientProgress[];
  /** The last phone of this page when more follow. */
  nextCursor?: string;
}

/** A broadcast with its progress counts and a page of recipients, read from their messages' status. */
@injectable()
export class GetBroadcast {
  constructor(@inject(TYPES.BroadcastRepository) private readonly broadcasts: BroadcastRepository) {}

  async execute({ actor, id, limit = 50, after }: GetBroadcastInput): Promise<BroadcastView> {
    assertAllowed(actor, 'broadcast');
    const broadcast = await this.broadcasts.findById(actor.tenantId, id);
    if (!broadcast) throw new NotFoundError('broadcast', id);
    const size = Math.min(Math.max(1, limit), 200);
    const rows = await this.broadcasts.recipients(actor.tenantId, id, { limit: size + 1, after });
    const recipients = rows.slice(0, size).map(recipientProgress);
    const counts = countProgress(await this.broadcasts.recipientGroups(actor.tenantId, id));
    const nextCursor = rows.length > size ? recipients[recipients.length - 1].phone : undefined;
    return { ...broadcast, counts, recipients, nextCursor };
  }
}
