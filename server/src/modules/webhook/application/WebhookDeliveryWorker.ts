import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Clock } from '../../../shared/clock/Clock';
import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { BackgroundWorker } from '../../../workers';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { eventEnvelope, type StoredEvent } from '../../events/domain/DomainEvent';
import type { EventSignal } from '../../events/infrastructure/EventSignal';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { DISABLE_AFTER_MS, GIVE_UP_AFTER_MS, retryDelayMs } from '../domain/deliveryPolicy';
import { signedHeaders } from '../domain/webhookSignature';
import type { KnexWebhookDeliveries } from '../infrastructure/KnexWebhookDeliveries';
import type { SubscriptionRow } from '../infrastructure/KnexWebhookSubscriptions';
import { postWebhook } from '../infrastructure/WebhookSender';

const LEASE_MS = 60_000;
const IDLE_MS = 1_000;
const PER_CLAIM = 100;

/**
 * Delivers events to webhook subscriptions (SPEC §18): in id order per subscription, at least once
 * (the cursor moves only after an answer), retried with backoff and jitter for 24 hours per event,
 * the subscription disabled after 3 days of failures with its tenant's managers alerted. Any
 * number of instances share the work through leases on the subscription rows.
 */
@injectable()
export class WebhookDeliveryWorker implements BackgroundWorker {
  private stopped = false;
  private running?: Promise<void>;
  private wake?: () => void;
  private unlisten?: () => void;

  constructor(
    @inject(TYPES.WebhookDeliveries) private readonly store: KnexWebhookDeliveries,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.CredentialCipher) private readonly cipher: CredentialCipher,
    @inject(TYPES.EventSignal) private readonly signal: EventSignal,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.unlisten = this.signal.on(
      () => this.wake?.(),
      () => this.wake?.(),
    );
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    this.wake?.();
    await this.running;
  }

  /** Delivers whatever is due now; returns how many attempts were made. */
  async runOnce(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const now = this.clock.now();
      const subscription = await this.store.claim(now, new Date(now.getTime() + LEASE_MS));
      if (!subscription) return attempts;
      try {
        attempts += await this.deliverDue(subscription);
      } finally {
        await this.store.release(subscription.id);
      }
      if (this.stopped) return attempts;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.runOnce();
      } catch (error) {
        this.logger.error({ err: error }, 'webhook deliveries failed; retrying');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, IDLE_MS);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
    }
  }

  /** The subscription's events in order until one fails (then it waits for its retry). */
  private async deliverDue(s: SubscriptionRow): Promise<number> {
    const secret = this.cipher.decrypt<{ secret: string }>(s.secret).secret;
    for (let n = 0; n < PER_CLAIM; n++) {
      const event = await this.store.nextEvent(s);
      if (!event) return n;
      if (!(await this.deliver(s, secret, event))) return n + 1;
      s.last_event_id = event.id;
    }
    return PER_CLAIM;
  }

  private async deliver(s: SubscriptionRow, secret: string, event: StoredEvent): Promise<boolean> {
    const now = this.clock.now();
    const delivery = await this.store.attempt(s, event, now);
    const body = JSON.stringify(eventEnvelope(event));
    const headers = signedHeaders(secret, delivery.id, now, body);
    const outcome = await postWebhook(s.url, headers, body, this.config.webhooks.allowPrivateTargets);
    if (outcome.ok) {
      await this.store.settle(
        s,
        event,
        delivery,
        { status: 'delivered', responseStatus: outcome.status },
        now,
      );
      return true;
    }
    const givenUp = now.getTime() - delivery.createdAt.getTime() >= GIVE_UP_AFTER_MS;
    const retryAt = new Date(now.getTime() + retryDelayMs(delivery.attempts + 1));
    const failure = { responseStatus: outcome.status, error: outcome.error };
    await this.store.settle(
      s,
      event,
      delivery,
      givenUp ? { status: 'failed', ...failure } : { status: 'pending', ...failure, retryAt },
      now,
    );
    this.logger.info(
      { subscriptionId: s.id, eventId: event.id, error: outcome.error },
      'webhook delivery failed',
    );
    const failingSince = await this.store.failingSince(s.id);
    if (failingSince && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS)
      await this.disable(s, now);
    return false;
  }

  private async disable(s: SubscriptionRow, now: Date): Promise<void> {
    const reason = 'failing for 3 days';
    await this.store.disable(s, reason, now);
    await this.audit.record({
      tenantId: s.tenant_id,
      actor: 'system',
      action: 'WEBHOOK_SUBSCRIPTION_DISABLED',
      entityType: 'webhook_subscription',
      entityId: s.id,
      details: { url: s.url, reason },
    });
    const text = `Webhook ${s.url} has failed for 3 days and was disabled. Check the endpoint and subscribe it again.`;
    await this.outbound.enqueueAll(
      (await this.store.managerPhones(s.tenant_id)).map((to) => ({
        tenantId: s.tenant_id,
        to,
        purpose: 'notification' as const,
        priority: 'high' as const,
        text,
      })),
    );
    this.logger.warn({ subscriptionId: s.id, tenantId: s.tenant_id }, 'webhook subscription disabled');
  }
}
