import type { TemplateSendParams } from '../../template/domain/templateSendParams';
import type { MessagePriority } from './MessagePriority';
import type { OutboundPurpose } from './OutboundPurpose';
import type { ContactCard, InteractiveCall, LocationCall, ReactionCall, SmsCall } from './outboundKinds';

export type { OutboundPurpose } from './OutboundPurpose';

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

export type MessageChannel = 'whatsapp' | 'sms';

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
  /** By purpose when omitted (priorityOf); staff alerts and login codes say `high`. */
  priority?: MessagePriority;
  /** `sms` only for the SMS fallback of a message WhatsApp could not deliver. */
  channel?: MessageChannel;
  text?: string;
  template?: TemplateCall;
  media?: MediaCall;
  interactive?: InteractiveCall;
  location?: LocationCall;
  contacts?: ContactCard[];
  reaction?: ReactionCall;
  /** With `channel: 'sms'`: the SMS number it goes from (the text is `text`). */
  sms?: SmsCall;
  conversationId?: string;
  replyToProviderId?: string;
  /** Small, non-secret facts for the timeline and reports (e.g. `{ leadRef: 'LD-4' }`). */
  context?: Record<string, unknown>;
  /** `whatsapp_messages.origin`: `ai` for the AI's replies, `auto` for the auto-responder's own (SPEC §23). */
  origin?: MessageOrigin;
}

export type MessageOrigin = 'ai' | 'auto';

/** What `whatsapp_messages.content` holds for an outbound message, for the dispatcher. */
export type OutboundContent = Pick<
  OutboundRequest,
  | 'purpose'
  | 'text'
  | 'template'
  | 'media'
  | 'interactive'
  | 'location'
  | 'contacts'
  | 'reaction'
  | 'sms'
  | 'replyToProviderId'
  | 'context'
>;

/** The fields of which an outbound message has exactly one (a notification: text and its template). */
export const CONTENT_KINDS = [
  'text',
  'template',
  'media',
  'interactive',
  'location',
  'contacts',
  'reaction',
] as const;

/** `whatsapp_messages.type` of an outbound message: its kind, or the media type. */
export function outboundType(content: OutboundContent): string {
  if (content.media) return content.media.mediaType;
  return CONTENT_KINDS.find((kind) => kind !== 'template' && content[kind] !== undefined) ?? 'template';
}

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
