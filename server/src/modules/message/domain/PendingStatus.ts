import type { MessageStatusEvent } from '../../../shared/channel/InboundEvent';

/**
 * A status can beat the row it describes (the provider's webhook arrives before our own commit
 * after a send). Such statuses are parked and applied when the message appears.
 */
export interface PendingStatusRepository {
  park(tenantId: string, event: MessageStatusEvent): Promise<void>;
  /** Removes and returns what was parked for that message, oldest first. */
  take(tenantId: string, providerMessageId: string): Promise<MessageStatusEvent[]>;
}
