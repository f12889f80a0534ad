import type { NewEvent } from '../../events/domain/DomainEvent';
import type { MessageStatus } from './MessageStatus';

export interface MessageFacts {
  id: string;
  tenantId: string;
  conversationId?: string;
  customerPhone?: string;
  /** Set on a broadcast's messages: their statuses are the broadcast's progress. */
  broadcastId?: string;
}

export interface InboundFacts extends MessageFacts {
  type: string;
  text?: string;
  customerName?: string;
  at: Date;
}

export const messageReceived = (m: InboundFacts): NewEvent => ({
  tenantId: m.tenantId,
  type: 'message.received',
  data: {
    messageId: m.id,
    conversationId: m.conversationId ?? null,
    from: m.customerPhone ?? null,
    customerName: m.customerName ?? null,
    type: m.type,
    text: m.text ?? null,
    at: m.at.toISOString(),
  },
});

/**
 * `message.sent` when the provider accepted it, `message.status` for every later move (delivered,
 * read, failed); a broadcast's message also moves the broadcast's progress.
 */
export function messageStatusEvents(
  m: MessageFacts,
  status: MessageStatus,
  error?: { code?: string; title?: string },
): NewEvent[] {
  const data = {
    messageId: m.id,
    conversationId: m.conversationId ?? null,
    to: m.customerPhone ?? null,
    status,
    ...(error && { errorCode: error.code ?? null, errorTitle: error.title ?? null }),
  };
  const events: NewEvent[] = [
    { tenantId: m.tenantId, type: status === 'sent' ? 'message.sent' : 'message.status', data },
  ];
  if (m.broadcastId)
    events.push({
      tenantId: m.tenantId,
      type: 'broadcast.progress',
      data: { broadcastId: m.broadcastId, messageId: m.id, phone: m.customerPhone ?? null, status },
    });
  return events;
}

/** The broadcast a queued message belongs to (`content.context.broadcastId`). */
export function broadcastOf(content: Record<string, unknown> | undefined): string | undefined {
  const context = content?.context as Record<string, unknown> | undefined;
  return typeof context?.broadcastId === 'string' ? context.broadcastId : undefined;
}
