import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Job, JobSummary } from '../../../shared/jobs/Job';
import type { ReminderLog } from '../../../shared/reminders/ReminderLog';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AlertManagers } from '../../connection/application/AlertManagers';
import type { ExpiringTokens } from '../domain/ExpiringTokens';

const DAY_MS = 86_400_000;
export const TOKEN_ALERT_DAYS = 7;

/**
 * `token-expiry-alerts` (SPEC §16): a connection whose token expires within 7 days alerts the
 * tenant's managers (`account_alert`), once per expiry date and manager (`sent_reminders`), in the
 * same transaction as the queued alert.
 */
@injectable()
export class TokenExpiryAlertsJob implements Job {
  readonly name = 'token-expiry-alerts';
  readonly defaultSchedule = '0 9 * * *';
  readonly description = 'alerts managers 7 days before a connection’s access token expires';

  constructor(
    @inject(TYPES.ExpiringTokens) private readonly expiring: ExpiringTokens,
    @inject(TYPES.ReminderLog) private readonly reminders: ReminderLog,
    @inject(TYPES.AlertManagers) private readonly alerts: AlertManagers,
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async run(): Promise<JobSummary> {
    const now = this.clock.now();
    const soon = await this.expiring.before(new Date(now.getTime() + TOKEN_ALERT_DAYS * DAY_MS), now);
    let alerted = 0;
    for (const token of soon) {
      const day = token.expiresAt.toISOString().slice(0, 10);
      const summary = `its access token expires on ${day}; connect the number again to renew it`;
      const sent = await this.unitOfWork.run(() =>
        this.alerts.execute(token.tenantId, token.label, summary, async (phone) => {
          const claimed = await this.reminders.claim([
            {
              tenantId: token.tenantId,
              kind: 'token_expiry',
              subjectId: token.connectionId,
              slot: day,
              recipient: phone,
            },
          ]);
          return claimed.length > 0;
        }),
      );
      alerted += sent.length;
    }
    return { connections: soon.length, alerted };
  }
}
