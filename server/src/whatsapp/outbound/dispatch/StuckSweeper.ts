import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { OutboundRows } from './OutboundRows';
import { ParkedStatuses } from './ParkedStatuses';
import { RecipientPacingStore } from './RecipientPacingStore';
import { MAX_SEND_ATTEMPTS } from './retryPolicy';
import { SendAttempts } from './SendAttempts';

const BATCH = 500;
const ATTEMPT_LOG_KEPT_MS = 15 * 60_000;

export interface SweepResult {
  requeued: number;
  failed: number;
}

/**
 * The stuck-sweeper job (SPEC §12): a message still `sending` after its lease belongs to a worker
 * that died (SIGKILL, crash, lost host). It goes back to the queue — or fails with LEASE_EXPIRED
 * once its attempts are used up, so a message that kills its worker cannot loop. Also applies
 * statuses left parked for messages recorded since (ParkedStatuses), and trims the attempt log
 * and stale pacing rows.
 */
@injectable()
export class StuckSweeper {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(OutboundRows) private readonly rows: OutboundRows,
    @inject(SendAttempts) private readonly attempts: SendAttempts,
    @inject(RecipientPacingStore) private readonly pacing: RecipientPacingStore,
    @inject(ParkedStatuses) private readonly parked: ParkedStatuses,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async run(): Promise<SweepResult> {
    const now = this.clock.now();
    const result = await this.db.run(async () => {
      const expired = await this.rows.lockExpired(now, BATCH);
      const swept: SweepResult = { requeued: 0, failed: 0 };
      for (const m of expired) {
        if (m.attempts >= MAX_SEND_ATTEMPTS) {
          await this.rows.fail(
            m.id,
            { code: 'LEASE_EXPIRED', title: 'No outcome after the last attempt' },
            now,
          );
          swept.failed++;
        } else {
          await this.rows.requeue(m.id, now);
          swept.requeued++;
        }
      }
      return swept;
    });
    const statuses = await this.parked.applyLeftOver(BATCH);
    if (statuses) this.logger.info({ messages: statuses }, 'parked statuses applied');
    await this.attempts.deleteBefore(new Date(now.getTime() - ATTEMPT_LOG_KEPT_MS));
    await this.pacing.deleteBefore(now);
    if (result.requeued || result.failed) this.logger.warn(result, 'stuck outbound messages swept');
    return result;
  }
}
