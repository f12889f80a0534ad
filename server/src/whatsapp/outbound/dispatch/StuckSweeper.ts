import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { UnconfirmedSends } from '../../../modules/message/domain/UnconfirmedSends';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { OutboundRows, type SweptRow } from './OutboundRows';
import { ParkedStatuses, type NamedSend } from './ParkedStatuses';
import { RecipientPacingStore } from './RecipientPacingStore';
import { MAX_SEND_ATTEMPTS } from './retryPolicy';
import { SendAttempts } from './SendAttempts';

const BATCH = 500;
const ATTEMPT_LOG_KEPT_MS = 15 * 60_000;

export interface SweepResult {
  /** Lost sends now waiting for a status naming them. */
  unconfirmed: number;
  /** Lost sends a parked status named: recorded as sent, not sent again. */
  confirmed: number;
  /** Lost sends no status named within the window: queued again, as a new attempt. */
  requeued: number;
  failed: number;
}

/**
 * The stuck-sweeper job (SPEC §12, §21). A message still `sending` after its lease belongs to a
 * worker that died (SIGKILL, crash, lost host) mid-call: the provider may have accepted it, and
 * neither API has an idempotency key. So it is not sent again at once but becomes `unconfirmed`
 * for WHATSAPP_RECONCILE_SECONDS: a status webhook naming it by our id (ApplyStatusUpdate, or a
 * status parked earlier, found here) records it as sent. Only once the window has passed without
 * one does it go back to the queue — or fail with LEASE_EXPIRED when its attempts are used up, so
 * a message that kills its worker cannot loop. Also applies statuses left parked for messages
 * recorded since (ParkedStatuses), and trims the attempt log and stale pacing rows.
 */
@injectable()
export class StuckSweeper {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(OutboundRows) private readonly rows: OutboundRows,
    @inject(TYPES.UnconfirmedSends) private readonly unconfirmed: UnconfirmedSends,
    @inject(SendAttempts) private readonly attempts: SendAttempts,
    @inject(RecipientPacingStore) private readonly pacing: RecipientPacingStore,
    @inject(ParkedStatuses) private readonly parked: ParkedStatuses,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async run(): Promise<SweepResult> {
    const now = this.clock.now();
    const result = await this.db.run(async () => {
      const swept: SweepResult = { unconfirmed: 0, confirmed: 0, requeued: 0, failed: 0 };
      const waitUntil = new Date(now.getTime() + this.config.whatsapp.reconcileSeconds * 1000);
      for (const m of await this.unnamed(await this.rows.lockExpired(now, BATCH), swept)) {
        await this.rows.markUnconfirmed(m.id, waitUntil);
        swept.unconfirmed++;
      }
      for (const m of await this.unnamed(await this.rows.lockUnconfirmedDue(now, BATCH), swept)) {
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
    if (result.unconfirmed || result.requeued || result.failed)
      this.logger.warn(result, 'outbound sends without an outcome swept');
    else if (result.confirmed) this.logger.info(result, 'lost sends confirmed by their statuses');
    return result;
  }

  /** Confirms those a parked status names (their statuses are applied just after); returns the others. */
  private async unnamed(messages: SweptRow[], swept: SweepResult): Promise<SweptRow[]> {
    const named = await this.parked.sendsNaming(messages);
    const others: SweptRow[] = [];
    for (const m of messages) {
      const send = named.get(m.id);
      if (send && (await this.confirmed(m, send))) swept.confirmed++;
      else others.push(m);
    }
    return others;
  }

  private async confirmed(m: SweptRow, send: NamedSend): Promise<boolean> {
    // A `sending` row is first marked unconfirmed: only a send without an outcome is confirmed.
    await this.rows.markUnconfirmed(m.id, send.at);
    return this.unconfirmed.confirm(m.tenantId, m.id, send.providerMessageId, send.at);
  }
}
