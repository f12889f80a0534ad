import type { AccountEvent, TemplateCategoryEvent, UserPreferenceEvent } from './accountEvents';
import type { Route } from './Route';

export type { Route } from './Route';
export {
  ACCOUNT_FIELDS,
  type AccountEvent,
  type AccountField,
  type TemplateCategoryEvent,
  type UserPreferenceEvent,
} from './accountEvents';

/** What the inbound pipeline hands on, whatever the provider (Meta Cloud API, 360dialog, Twilio). */
export type InboundEvent =
  | InboundMessageEvent
  | MessageStatusEvent
  | TemplateStatusEvent
  | ProviderErrorEvent
  | AccountEvent
  | UserPreferenceEvent
  | TemplateCategoryEvent;

export interface ProviderError {
  code: string;
  title?: string;
  message?: string;
  details?: string;
}

export type InboundMessageType =
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'interactive'
  | 'button'
  | 'reaction'
  | 'order'
  | 'system'
  | 'unsupported';

export interface InboundMessageEvent {
  kind: 'message';
  route: Route;
  providerMessageId: string;
  timestamp: Date;
  /** `waId`: digits as the provider gives them; `userId`: the BSUID when present (2026 usernames). */
  from: { waId?: string; userId?: string; username?: string; name?: string };
  type: InboundMessageType;
  /** What a human wrote or tapped: text body, media caption, reply title, template button text. */
  text?: string;
  media?: {
    providerMediaId?: string;
    url?: string;
    mimeType?: string;
    sha256?: string;
    filename?: string;
    voice?: boolean;
    animated?: boolean;
  };
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  contacts?: unknown[];
  /** Interactive replies and template quick-reply buttons (`id` = the button payload for templates). */
  reply?: {
    kind: 'button_reply' | 'list_reply' | 'quick_reply';
    id: string;
    title: string;
    description?: string;
  };
  /** `emoji` absent = the reaction was removed. */
  reaction?: { messageId: string; emoji?: string };
  context?: {
    replyToProviderId?: string;
    forwarded?: boolean;
    frequentlyForwarded?: boolean;
    referral?: Record<string, unknown>;
  };
  unsupportedType?: string;
  errors?: ProviderError[];
  /** The provider's own message object (Twilio: all form parameters), kept for storage. */
  raw: Record<string, unknown>;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'played' | 'queued';

export interface MessageStatusEvent {
  kind: 'status';
  route: Route;
  providerMessageId: string;
  status: DeliveryStatus;
  /** Meta: the provider's timestamp; Twilio sends none, so it is the time the callback was received. */
  timestamp: Date;
  recipient?: string;
  recipientUserId?: string;
  /**
   * Our message id as the provider echoes it (Meta `biz_opaque_callback_data`, Twilio's callback
   * URL): names a send whose outcome we lost.
   */
  messageId?: string;
  errors?: ProviderError[];
  conversation?: Record<string, unknown>;
  pricing?: Record<string, unknown>;
  raw: Record<string, unknown>;
}

export interface TemplateStatusEvent {
  kind: 'template_status';
  route: Route;
  providerTemplateId: string;
  name: string;
  /** As given, with '-' normalised to '_' (Meta sends both `en_US` and `en-US`). */
  language: string;
  /** Meta's `event`: APPROVED, REJECTED, PAUSED, … */
  status: string;
  /** Meta's reason code (e.g. INVALID_FORMAT); absent when Meta says NONE or null. */
  reason?: string;
  /** Human-readable explanation: `rejection_info.reason` or `other_info.description`. */
  reasonDetail?: string;
  category?: string;
  timestamp: Date;
  raw: Record<string, unknown>;
}

export interface ProviderErrorEvent {
  kind: 'provider_error';
  route: Route;
  errors: ProviderError[];
  raw: Record<string, unknown>;
}
