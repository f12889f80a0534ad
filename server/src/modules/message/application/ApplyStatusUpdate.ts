import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { MessageStatusEvent } from '../../../shared/channel/InboundEvent';
import { MARKETING_STOPPED_CODE, type OptInRepository } from '../../optin/domain/OptIn';
import type { MessageRepository } from '../domain/Message';
import { alreadyRecorded, nextStatus, type StatusHistoryEntry } from '../domain/MessageStatus';
import type { PendingStatusRepository } from '../domain/PendingStatus';
import type { EventLog } from '../../events/domain/EventLog';
import { broadcastOf, messageStatusEvents } from '../domain/messageEvents';
import type { UnconfirmedSends } from '../domain/UnconfirmedSends';
import type { QueueSmsFallback } from '../../smsfallback/application/QueueSmsFallback';
import type { RecordMessagePricing } from '../../usage/application/RecordMessagePricing';

export type StatusOutcome = 'applied' | 'history-only' | 'duplicate' | 'parked';

/**
 * A provider's status report on one of our sends, applied forward-only; parked when the send is
 * not recorded yet. Runs inside the caller's transaction (the inbox event, or the send that just
 * got its provider id).
 */
@injectable()
export class ApplyStatusUpdate {
  constructor(
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
    @inject(TYPES.PendingStatusRepository) private readonly pending: PendingStatusRepository,
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.UnconfirmedSends) private readonly unconfirmed: UnconfirmedSends,
    @inject(TYPES.QueueSmsFallback) private readonly smsFallback: QueueSmsFallback,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.RecordMessagePricing) private readonly pricing: RecordMessagePricing,
  ) {}

  async execute(tenantId: string, event: MessageStatusEvent): Promise<StatusOutcome> {
    const message =
      (await this.messages.findByProviderIdForUpdate(tenantId, event.providerMessageId)) ??
      (await this.confirmLostSend(tenantId, event));
    if (!message) {
      await this.pending.park(tenantId, event);
      this.logger.debug(
        { providerMessageId: event.providerMessageId, status: event.status },
        'status parked',
      );
      return 'parked';
    }
    await this.pricing.execute(tenantId, message.id, event.pricing);
    const at = event.timestamp.toISOString();
    if (alreadyRecorded(message.statusHistory, event.status, at)) return 'duplicate';

    const status = nextStatus(message.status, event.status);
    const error = event.status === 'failed' ? event.errors?.[0] : undefined;
    const entry: StatusHistoryEntry = {
      status: event.status,
      at,
      applied: status !== message.status,
      ...(error ? { errorCode: error.code, errorTitle: error.title ?? error.message } : {}),
    };
    await this.messages.applyStatus(message.id, {
      status,
      history: [...message.statusHistory, entry],
      ...(entry.applied && error ? { errorCode: error.code, errorTitle: entry.errorTitle } : {}),
      sentAt: event.status === 'sent' ? event.timestamp : undefined,
    });
    if (entry.applied)
      await this.events.append(
        messageStatusEvents(
          { ...message, broadcastId: broadcastOf(message.content) },
          status,
          error && {
            code: error.code,
            title: entry.errorTitle,
          },
        ),
      );
    if (error?.code === MARKETING_STOPPED_CODE && message.customerPhone)
      await this.optIns.recordMarketingOptOut(tenantId, message.customerPhone);
    if (status === 'failed' && entry.applied)
      await this.smsFallback.execute(tenantId, message.id, error?.code);
    return entry.applied ? 'applied' : 'history-only';
  }

  /**
   * A status naming one of our sends whose outcome was lost: the send went out after all, under
   * this provider id; record that, then apply the status as for any send.
   */
  private async confirmLostSend(tenantId: string, event: MessageStatusEvent) {
    if (!event.messageId) return undefined;
    const { providerMessageId, timestamp } = event;
    if (!(await this.unconfirmed.confirm(tenantId, event.messageId, providerMessageId, timestamp)))
      return undefined;
    this.logger.info({ messageId: event.messageId, providerMessageId }, 'lost send confirmed by its status');
    return this.messages.findByProviderIdForUpdate(tenantId, providerMessageId);
  }

  /** For the sender, once a message has its provider id: statuses that arrived first. */
  async applyParked(tenantId: string, providerMessageId: string): Promise<void> {
    for (const event of await this.pending.take(tenantId, providerMessageId))
      await this.execute(tenantId, event);
  }
}
