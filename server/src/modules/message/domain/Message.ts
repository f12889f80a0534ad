import type { MessagePriority } from './MessagePriority';
import type { MessageStatus, StatusHistoryEntry } from './MessageStatus';
import type { MessageChannel, MessageOrigin } from './OutboundRequest';

export type Direction = 'INBOUND' | 'OUTBOUND';

export interface Message {
  id: string;
  tenantId: string;
  conversationId?: string;
  providerMessageId?: string;
  direction: Direction;
  type: string;
  customerPhone?: string;
  content: Record<string, unknown>;
  status: MessageStatus;
  statusHistory: StatusHistoryEntry[];
  /** Outbound: the queue class it was sent in. */
  priority: MessagePriority;
  channel: MessageChannel;
  /** Outbound: `ai` written by the auto-responder's AI, `auto` by its rules, away message or greeting. */
  origin?: MessageOrigin;
  errorCode?: string;
  errorTitle?: string;
  attempts: number;
  sentAt?: Date;
  createdAt: Date;
}

export interface NewInboundMessage {
  tenantId: string;
  providerMessageId: string;
  type: string;
  customerPhone: string;
  content: Record<string, unknown>;
  replyToProviderId?: string;
  providerTimestamp: Date;
}

export interface StatusChange {
  status: MessageStatus;
  history: StatusHistoryEntry[];
  errorCode?: string;
  errorTitle?: string;
  sentAt?: Date;
}

export interface MessageRepository {
  /**
   * Inserts each message unless (tenant, provider id) exists; returns the new rows' ids by provider
   * id. A message missing from the answer is a duplicate (already recorded).
   */
  insertInbound(messages: NewInboundMessage[]): Promise<Map<string, string>>;
  /** Locks the row for the status update in progress. */
  findByProviderIdForUpdate(tenantId: string, providerMessageId: string): Promise<Message | undefined>;
  findIdByProviderId(tenantId: string, providerMessageId: string): Promise<string | undefined>;
  findById(tenantId: string, id: string): Promise<Message | undefined>;
  applyStatus(messageId: string, change: StatusChange): Promise<void>;
  /** The provider id of the customer's latest message in the conversation (read receipts, typing). */
  lastInboundProviderId(tenantId: string, conversationId: string): Promise<string | undefined>;
}
