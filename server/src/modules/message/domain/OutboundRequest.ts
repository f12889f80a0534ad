import type { TemplateSendParams } from '../../template/domain/templateSendParams';

/**
 * Why a message goes out decides what the dispatcher may do with it outside the 24-hour window:
 * `reply` answers someone who just wrote; `notification` (alerts, incident updates, payment links)
 * falls back to its `template`; `broadcast` is template-only; `manual` is a staff send.
 */
export type OutboundPurpose = 'reply' | 'notification' | 'broadcast' | 'manual';

/**
 * A template send as queued (`whatsapp_messages.content.template`): name, language and the body's
 * `params`, plus `header` and `buttons` when the template takes them (rows queued before those
 * existed have only `params`, and still send).
 */
export interface TemplateCall extends TemplateSendParams {
  name: string;
  /** The tenant's language when omitted. */
  language?: string;
}

/** Media sent by id (preferred) or by a public link. */
export interface MediaCall {
  mediaType: 'image' | 'document' | 'audio' | 'video' | 'sticker';
  /**
   * The id of a file uploaded with POST /media (uploaded to the provider when it is sent, then
   * sent by the provider's id), or a provider's own media id, passed through.
   */
  mediaId?: string;
  /** A public URL the provider fetches itself (Meta through a rate-limited proxy); not for Twilio's private media. */
  link?: string;
  caption?: string;
  filename?: string;
}

export interface OutboundRequest {
  tenantId: string;
  /** E.164, or a business-scoped user id. */
  to: string;
  purpose: OutboundPurpose;
  text?: string;
  template?: TemplateCall;
  media?: MediaCall;
  conversationId?: string;
  replyToProviderId?: string;
  /** Small, non-secret facts for the timeline and reports (e.g. `{ leadRef: 'LD-4' }`). */
  context?: Record<string, unknown>;
}

/** What `whatsapp_messages.content` holds for an outbound message, for the dispatcher. */
export type OutboundContent = Pick<
  OutboundRequest,
  'purpose' | 'text' | 'template' | 'media' | 'replyToProviderId' | 'context'
>;

export interface OutboundQueue {
  /** Queues the message in the caller's transaction; returns its id. Sent later by the dispatcher. */
  enqueue(request: OutboundRequest): Promise<string>;
  /** Several at once (one statement); returns their ids in the same order. */
  enqueueAll(requests: OutboundRequest[]): Promise<string[]>;
  /** One outbound message of the tenant, locked in the caller's transaction for a change of its own. */
  lockOne(tenantId: string, id: string): Promise<LockedOutbound | undefined>;
  /** A failed message goes again as a new attempt: queued now, its old provider id dropped. */
  requeueFailed(id: string): Promise<boolean>;
}

export interface LockedOutbound {
  id: string;
  to: string;
  content: OutboundContent;
  status: string;
  type: string;
}
