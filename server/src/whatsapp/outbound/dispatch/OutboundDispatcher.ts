import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import { LogThrottle } from '../../../shared/logging/LogThrottle';
import { TYPES } from '../../../types';
import type { BackgroundWorker } from '../../../workers';
import type { TenantDirectory } from '../../../modules/connection/application/TenantDirectory';
import type { WhatsappConfiguration } from '../../../modules/connection/domain/WhatsappConfiguration';
import { OutboundClaims, type ClaimedMessage } from './OutboundClaims';
import { DueRows } from './DueRows';
import { OutboundSender } from './OutboundSender';
import { PanicMode } from './PanicMode';
import { ReadyQueue } from './ReadyQueue';
import { StuckSweeper } from './StuckSweeper';
import { OutboundWakeUps } from '../../../modules/message/infrastructure/OutboundWakeUps';

export interface OutboundDispatcherOptions {
  /** Messages claimed per tenant per round. */
  batchSize: number;
  leaseMs: number;
  idlePollMs: number;
  /** Provider calls in flight (WHATSAPP_SEND_CONCURRENCY); by default 1 on the embedded database. */
  concurrency: number;
  /** How often the worker also runs the stuck sweeper and panic auto-resume itself. */
  housekeepingMs: number;
}

const TENANTS_PER_ROUND = 50;
/** A tenant whose messages wait for a WhatsApp configuration is reported at most this often. */
const UNCONFIGURED_WARNING_INTERVAL_MS = 5 * 60_000;

/**
 * The outbound worker: claims due messages tenant by tenant (rules, rate limit, pacing, panic —
 * see OutboundClaims) and sends them. Woken when a message is queued or a tenant resumes, polls
 * otherwise. Any number of instances can run against one database.
 */
@injectable()
export class OutboundDispatcher implements BackgroundWorker {
  options: OutboundDispatcherOptions;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = 0;
  private lastHousekeeping = -Infinity;
  private readonly unconfiguredWarnings = new LogThrottle(UNCONFIGURED_WARNING_INTERVAL_MS);
  /** Tenants this instance paused (panic mode) since the current drain began. */
  private readonly pausedNow = new Set<string>();
  /** Where the next claim round starts when more tenants are due than one round serves. */
  private lastTenantServed?: string;

  constructor(
    @inject(TYPES.Database) db: Database,
    @inject(DueRows) private readonly due: DueRows,
    @inject(OutboundClaims) private readonly claims: OutboundClaims,
    @inject(OutboundSender) private readonly sender: OutboundSender,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(PanicMode) private readonly panic: PanicMode,
    @inject(StuckSweeper) private readonly sweeper: StuckSweeper,
    @inject(OutboundWakeUps) wakeUps: OutboundWakeUps,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {
    this.options = {
      batchSize: 50,
      leaseMs: 60_000,
      idlePollMs: 500,
      concurrency: config.whatsapp.sendConcurrency ?? (db.kind === 'embedded' ? 1 : 16),
      housekeepingMs: 60_000,
    };
    const wake = () => {
      this.woken = 3;
      this.wakeUp?.();
    };
    wakeUps.on('queued', wake);
    panic.on('resumed', wake);
    panic.on('entered', (tenantId: string) => this.pausedNow.add(tenantId));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the calls in flight finish and record their outcome, claims nothing more. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /**
   * Sends everything due now (until nothing more can be claimed); returns how many were claimed
   * (sent or tried, unless left to their lease).
   * `concurrency` lanes take claimed messages by priority (ReadyQueue); the next round is claimed
   * while this one is being sent, so no lane waits for a claim. Once an outcome cannot be recorded (the database
   * is away), nothing more is sent: what is claimed is left to its lease rather than sent without
   * a record, which would send it again later. A tenant that enters panic mode meanwhile gets its
   * claimed messages put back untried.
   */
  async drain(): Promise<number> {
    this.pausedNow.clear();
    const ready = new ReadyQueue<[WhatsappConfiguration, ClaimedMessage]>(([, m]) => m);
    let handled = 0;
    let more = true;
    let failure: unknown;
    let unrecorded = false;
    let claiming: Promise<void> | undefined;
    const claim = () =>
      (claiming ??= this.claimRound()
        .then(
          (claimed) => {
            handled += claimed.length;
            ready.push(claimed);
            more = claimed.length > 0;
          },
          (error: unknown) => {
            failure = error;
            more = false;
          },
        )
        .finally(() => (claiming = undefined)));
    // Once stopping, what is claimed still goes; nothing more is claimed.
    const mayClaim = () => more && !unrecorded && (this.running || !this.loop);
    const lane = async () => {
      for (;;) {
        if (ready.length < this.options.batchSize && mayClaim()) void claim();
        const next = unrecorded ? undefined : ready.shift();
        if (next)
          await this.send(...next).catch((error: unknown) => {
            this.logger.error(
              { err: error, messageId: next[1].id },
              'outbound outcome not recorded; the lease will expire',
            );
            unrecorded = true;
          });
        else if (claiming) await claiming;
        else return;
      }
    };
    await claim();
    await Promise.all(Array.from({ length: this.options.concurrency }, lane));
    if (unrecorded && ready.length)
      this.logger.warn(
        { messages: ready.length },
        'claimed messages not sent; they go when their lease expires',
      );
    if (failure !== undefined) throw failure;
    return handled;
  }

  private send(account: WhatsappConfiguration, m: ClaimedMessage): Promise<void> {
    if (this.pausedNow.has(m.tenantId)) return this.sender.putBack(m);
    return this.sender.send(account, m);
  }

  private async claimRound(): Promise<Array<[WhatsappConfiguration, ClaimedMessage]>> {
    const now = this.clock.now();
    const claimed: Array<[WhatsappConfiguration, ClaimedMessage]> = [];
    const tenants = await this.due.dueTenants(now, TENANTS_PER_ROUND, this.lastTenantServed);
    this.lastTenantServed = tenants.length === TENANTS_PER_ROUND ? tenants[tenants.length - 1] : undefined;
    for (const tenantId of tenants) {
      const account =
        (await this.directory.forTenant(tenantId, this.config.whatsapp.provider)) ??
        (await this.directory.forTenant(tenantId));
      if (!account) {
        if (this.unconfiguredWarnings.allows(tenantId, now))
          this.logger.warn(
            { tenantId, repeatsAfterMs: UNCONFIGURED_WARNING_INTERVAL_MS },
            'outbound messages wait: the tenant has no WhatsApp configuration',
          );
        continue;
      }
      const batch = await this.claims.claim({
        tenantId,
        provider: account.provider,
        now,
        limit: this.options.batchSize,
        ratePerMinute: this.config.whatsapp.rateLimitPerMinute,
        leaseMs: this.options.leaseMs,
      });
      claimed.push(...batch.map((m): [WhatsappConfiguration, ClaimedMessage] => [account, m]));
    }
    return claimed;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.housekeeping();
        if ((await this.drain()) > 0) continue;
      } catch (error) {
        this.logger.error({ err: error }, 'outbound dispatch failed; retrying');
      }
      if (!this.running) break;
      // Just after a wake-up the enqueuing transaction may not have committed yet: look again soon.
      const pause = this.woken > 0 ? (this.woken--, 50) : this.options.idlePollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping < this.options.housekeepingMs) return;
    this.lastHousekeeping = now;
    await this.sweeper.run();
    await this.panic.autoResume();
  }
}
