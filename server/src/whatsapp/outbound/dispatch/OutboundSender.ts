import { inject, injectable } from 'inversify';
import { MARKETING_STOPPED_CODE, type OptInRepository } from '../../../modules/optin/domain/OptIn';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import type { Metrics } from '../../../shared/metrics/Metrics';
import { TYPES } from '../../../types';
import type { WhatsappConfiguration } from '../../../modules/connection/domain/WhatsappConfiguration';
import type { QueueSmsFallback } from '../../../modules/smsfallback/application/QueueSmsFallback';
import { ProviderError } from '../provider/ProviderError';
import type { SendResult, WhatsappProviders } from '../provider/WhatsappProvider';
import type { ClaimedMessage } from './OutboundClaims';
import { OutboundMediaResolver } from './OutboundMediaResolver';
import { OutboundRows } from './OutboundRows';
import { PanicMode } from './PanicMode';
import { retryDelayMs } from './retryPolicy';
import { SendAttempts } from './SendAttempts';
import { SentRecorder } from './SentRecorder';
import { SmsSender } from './SmsSender';
import { templateSendRequest } from './templateSendRequest';

/**
 * Shorter than the claim lease, and a call starts only if it can end inside the lease (else the
 * message is put back), so a live worker never loses its message to the sweeper mid-call.
 */
export const SEND_TIMEOUT_MS = 30_000;

/**
 * Hands one claimed message to its provider — outside any transaction, uploading a file uploaded
 * through the API first — and records the outcome right after: `sent` with the provider's id
 * (SentRecorder, committed together with other sends that finish meanwhile), a retry with backoff, a failure
 * with the provider's code, or, on an authentication error, back to the queue with the tenant in
 * panic mode. A failed upload is handled like a failed send. A refusal because the customer
 * stopped marketing messages (131050) is recorded on their consent in the same transaction, so
 * later MARKETING templates to them are refused before reaching the provider; one because the
 * number is not on WhatsApp queues the SMS fallback there (QueueSmsFallback). SMS rows go through
 * Twilio's Messages API (SmsSender).
 */
@injectable()
export class OutboundSender {
  random: () => number = Math.random;

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.WhatsappProviders) private readonly providers: WhatsappProviders,
    @inject(OutboundRows) private readonly rows: OutboundRows,
    @inject(OutboundMediaResolver) private readonly media: OutboundMediaResolver,
    @inject(SendAttempts) private readonly attempts: SendAttempts,
    @inject(PanicMode) private readonly panic: PanicMode,
    @inject(SentRecorder) private readonly recorder: SentRecorder,
    @inject(SmsSender) private readonly sms: SmsSender,
    @inject(TYPES.QueueSmsFallback) private readonly smsFallback: QueueSmsFallback,
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async send(account: WhatsappConfiguration, message: ClaimedMessage): Promise<void> {
    if (message.leaseUntil.getTime() - this.clock.now().getTime() < SEND_TIMEOUT_MS) {
      await this.putBack(message);
      this.logger.warn(
        { messageId: message.id },
        'claimed message not sent in time for its lease; queued again',
      );
      return;
    }
    let result: SendResult;
    try {
      result = await this.call(account, message);
    } catch (error) {
      const failure = asProviderError(error);
      const retried = await this.failed(message, failure);
      this.metrics.sendAttempted(account.provider, retried ? 'retry' : 'failed', failure.code);
      return;
    }
    this.metrics.sendAttempted(account.provider, 'sent');
    await this.recorder.record({ message, providerMessageId: result.providerMessageId });
  }

  /** Uploading an uploaded file first (see OutboundMediaResolver) shares the send's time limit. */
  private async call(account: WhatsappConfiguration, m: ClaimedMessage): Promise<SendResult> {
    const provider = this.providers.forProvider(account.provider);
    const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
    const { plan } = m;
    if (plan.kind === 'sms')
      return this.sms.send(m.tenantId, { from: plan.from, to: m.to, body: plan.text }, signal);
    if (plan.kind === 'session')
      return provider.sendMessage(
        account,
        {
          to: m.to,
          message: await this.media.resolve(account, plan.message, signal),
          replyToProviderId: plan.replyToProviderId,
          messageId: m.id,
        },
        signal,
      );
    const request = await templateSendRequest(m.to, plan, (media) =>
      this.media.resolve(account, media, signal),
    );
    return provider.sendTemplate(account, { ...request, messageId: m.id }, signal);
  }

  /**
   * Back to the queue untried, the attempt not counted: a claimed message that waited behind slow
   * calls until its lease could run out mid-call (another instance could then take it over and
   * send it too), or whose tenant entered panic mode while it waited.
   */
  async putBack(m: ClaimedMessage): Promise<void> {
    await this.db.run(async () => {
      if (await this.rows.release(m.id, m.attempt)) await this.attempts.forget(m.attemptId);
    });
  }

  /** Records a failed attempt; true when the message goes again (retry, or held by panic mode). */
  private async failed(m: ClaimedMessage, error: ProviderError): Promise<boolean> {
    const now = this.clock.now();
    const failure = { code: error.code, title: error.title };
    const log = {
      messageId: m.id,
      tenantId: m.tenantId,
      attempt: m.attempt,
      kind: error.kind,
      code: error.code,
    };
    if (error.kind === 'auth') {
      await this.db.run(async () => {
        await this.rows.requeue(m.id, now, failure);
        await this.attempts.settle(m.attemptId, 'auth', error.code);
      });
      this.logger.error(log, 'provider refused the credentials; message held');
      await this.panic.enter(m.tenantId, 'auth', { code: error.code, title: error.title });
      return true;
    }
    const delay = retryDelayMs(error, m.attempt, this.random);
    await this.db.run(async () => {
      if (error.code === MARKETING_STOPPED_CODE) await this.optIns.recordMarketingOptOut(m.tenantId, m.to);
      if (delay === undefined) {
        await this.rows.fail(m.id, failure, now);
        await this.smsFallback.execute(m.tenantId, m.id, error.code);
      } else await this.rows.requeue(m.id, new Date(now.getTime() + delay), failure);
      const outcome = delay === undefined ? 'failed' : error.kind === 'throttled' ? 'throttled' : 'retryable';
      await this.attempts.settle(m.attemptId, outcome, error.code);
    });
    if (delay === undefined) this.logger.warn(log, 'outbound message failed');
    else this.logger.info({ ...log, retryInMs: delay }, 'outbound attempt failed; will retry');
    await this.panic.evaluate(m.tenantId);
    return delay !== undefined;
  }
}

/** Adapters throw only ProviderError for a provider's answer; anything else is our own fault. */
function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('retryable', 'internal', message.slice(0, 200));
}
