import { inject, injectable } from 'inversify';
import type { Job, JobContext, JobSummary } from '../../../shared/jobs/Job';
import type { Clock } from '../../../shared/clock/Clock';
import { drainInBatches } from '../../../shared/jobs/drainInBatches';
import { TYPES } from '../../../types';
import type { ConversationRepository } from '../domain/Conversation';

export const CONVERSATION_IDLE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/** Conversations with no message for 24 h become `expired`; the customer's next message opens a new one. */
@injectable()
export class ExpireConversationsJob implements Job {
  readonly name = 'expire-conversations';
  readonly defaultSchedule = '*/5 * * * *';
  readonly description = 'marks conversations idle for 24 h as expired';

  constructor(
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async run({ signal }: JobContext): Promise<JobSummary> {
    const idleSince = new Date(this.clock.now().getTime() - CONVERSATION_IDLE_MS);
    const expired = await drainInBatches(BATCH, signal, (limit) =>
      this.conversations.expireIdle(idleSince, limit),
    );
    return { expired };
  }
}
