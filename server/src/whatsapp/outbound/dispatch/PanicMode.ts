import { EventEmitter } from 'node:events';
import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { AuditLog } from '../../../modules/audit/domain/AuditLog';
import type { AlertManagers } from '../../../modules/connection/application/AlertManagers';
import type { EventLog } from '../../../modules/events/domain/EventLog';
import { assertAllowed, type Actor } from '../../../modules/identity/domain/Actor';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import type { Metrics } from '../../../shared/metrics/Metrics';
import { TYPES } from '../../../types';
import { PanicStates, type PanicState } from './PanicStates';
import { PANIC_WINDOW_MS, panicReason, type PanicReason } from './panicTrigger';
import { SendAttempts } from './SendAttempts';

const AUTH_ALERT =
  'the provider refused our credentials (authentication error) and sending is paused; renew the access token or connect the number again';

export interface PanicStatus {
  active: boolean;
  reason?: PanicReason;
  since?: Date;
  resumesAt?: Date;
}

/**
 * Panic mode per tenant (SPEC §8): sending pauses (queued messages wait) on an authentication
 * error, a failure rate over 30 % of at least 20 sends in 5 minutes, or sustained throttling;
 * an audit entry and an error log line mark it (an authentication error also alerts the tenant's
 * managers, `account_alert`); it ends after PANIC_COOLDOWN_MINUTES
 * (`autoResume`, the panic-auto-resume job) or when a manager resumes it. Emits `entered` (when
 * this instance paused the tenant) and `resumed`.
 */
@injectable()
export class PanicMode extends EventEmitter {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(PanicStates) private readonly states: PanicStates,
    @inject(SendAttempts) private readonly attempts: SendAttempts,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.AlertManagers) private readonly alerts: AlertManagers,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {
    super();
  }

  async status(tenantId: string): Promise<PanicStatus> {
    const state = await this.states.find(tenantId);
    if (!state?.active) return { active: false };
    return { active: true, reason: state.reason, since: state.since, resumesAt: state.resumesAt };
  }

  /** Pauses the tenant unless it is paused already; true when this call paused it. */
  async enter(
    tenantId: string,
    reason: PanicReason,
    details: Record<string, unknown> = {},
  ): Promise<boolean> {
    const now = this.clock.now();
    const resumesAt = new Date(now.getTime() + this.config.panicCooldownMinutes * 60_000);
    const entered = await this.db.run(async () => {
      const state = await this.states.activate(tenantId, reason, details, now, resumesAt);
      if (!state) return false;
      this.metrics.panicState(tenantId, true);
      await this.audit.record({
        tenantId,
        actor: 'system',
        action: 'PANIC_MODE_ENTERED',
        entityType: 'tenant',
        entityId: tenantId,
        details: { reason, resumesAt: resumesAt.toISOString(), ...details },
      });
      const change = { active: true, reason, since: now.toISOString(), resumesAt: resumesAt.toISOString() };
      await this.events.append([{ tenantId, type: 'panic.changed', data: change }]);
      // SPEC §16: a refused credential also tells the managers (queued: sent once sending resumes).
      if (reason === 'auth') await this.alerts.execute(tenantId, 'WhatsApp', AUTH_ALERT);
      this.logger.error(
        { tenantId, reason, resumesAt, ...details },
        'panic mode: sending paused for the tenant',
      );
      return true;
    });
    if (entered) this.emit('entered', tenantId);
    return entered;
  }

  /** After a failed attempt: pauses the tenant if its recent sends cross a threshold. */
  async evaluate(tenantId: string): Promise<void> {
    const state = await this.states.find(tenantId);
    if (state?.active) return;
    const windowStart = this.clock.now().getTime() - PANIC_WINDOW_MS;
    const since = new Date(Math.max(windowStart, state?.resumedAt?.getTime() ?? 0));
    const stats = await this.attempts.stats(tenantId, since);
    const reason = panicReason(stats);
    if (reason)
      await this.enter(tenantId, reason, {
        tried: stats.tried,
        failed: stats.failed,
        throttled: stats.throttled,
      });
  }

  /** A manager resumes sending for their tenant. */
  async resume(actor: Actor): Promise<PanicStatus> {
    assertAllowed(actor, 'resume_panic_mode');
    const by = actor.userId ?? 'unknown';
    await this.end({ tenantId: actor.tenantId }, by, 'PANIC_MODE_RESUMED');
    return this.status(actor.tenantId);
  }

  /** The panic-auto-resume job: resumes every tenant whose cooldown has passed; returns their ids. */
  async autoResume(): Promise<string[]> {
    const resumed = await this.end({ dueBy: this.clock.now() }, 'system', 'PANIC_MODE_AUTO_RESUMED');
    return resumed.map((s) => s.tenantId);
  }

  private async end(
    where: { tenantId: string } | { dueBy: Date },
    by: string,
    action: string,
  ): Promise<PanicState[]> {
    const resumed = await this.db.run(async () => {
      const states = await this.states.deactivate(where, this.clock.now(), by);
      for (const s of states)
        await this.audit.record({
          tenantId: s.tenantId,
          actor: by,
          action,
          entityType: 'tenant',
          entityId: s.tenantId,
          details: { reason: s.reason, since: s.since?.toISOString() },
        });
      const change = { active: false, resumedBy: by };
      await this.events.append(
        states.map((s) => ({ tenantId: s.tenantId, type: 'panic.changed' as const, data: change })),
      );
      return states;
    });
    for (const s of resumed) {
      this.metrics.panicState(s.tenantId, false);
      this.logger.warn({ tenantId: s.tenantId, by }, 'panic mode ended: sending resumes');
      this.emit('resumed', s.tenantId);
    }
    return resumed;
  }
}
