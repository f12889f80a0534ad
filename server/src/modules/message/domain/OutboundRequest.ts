/**
 * Why a message goes out decides what the dispatcher may do with it outside the 24-hour window:
 * `reply` answers someone who just wrote; `notification` (alerts, incident updates, payment links)
 * falls back to its `template`; `broadcast` is template-only; `manual` is a staff send.
 */
export type OutboundPurpose = 'reply' | 'notification' | 'broadcast' | 'manual';

export interface TemplateCall {
  name: string;
  /** The tenant's language when omitted. */
  language?: string;
  params: string[];
}

export interface OutboundRequest {
  tenantId: string;
  /** E.164, or a business-scoped user id. */
  to: string;
  purpose: OutboundPurpose;
  text?: string;
  template?: TemplateCall;
  conversationId?: string;
  replyToProviderId?: string;
  /** Small, non-secret facts for the timeline and reports (e.g. `{ leadRef: 'LD-4' }`). */
  context?: Record<string, unknown>;
}

export interface OutboundQueue {
  /** Queues the message in the caller's transaction; returns its id. Sent later by the dispatcher. */
  enqueue(request: OutboundRequest): Promise<string>;
}
