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

export interface BroadcastView extends BroadcastRecord {
  counts: ProgressCounts;
  recipients: RecipientProgress[];
}

/** A broadcast with each recipient's progress, read from its message's current status. */
@injectable()
export class GetBroadcast {
  constructor(@inject(TYPES.BroadcastRepository) private readonly broadcasts: BroadcastRepository) {}

  async execute({ actor, id }: { actor: Actor; id: string }): Promise<BroadcastView> {
    assertAllowed(actor, 'broadcast');
    const broadcast = await this.broadcasts.findById(actor.tenantId, id);
    if (!broadcast) throw new NotFoundError('broadcast', id);
    const recipients = (await this.broadcasts.recipients(actor.tenantId, id)).map(recipientProgress);
    return { ...broadcast, counts: countProgress(recipients), recipients };
  }
}
