import type { ProviderName } from '../../../shared/providers';
import type { WhatsappConfiguration } from '../../../modules/connection/domain/WhatsappConfiguration';
import type {
  ContactCard,
  InteractiveCall,
  LocationCall,
} from '../../../modules/message/domain/outboundKinds';

/** The number a send goes out from: the tenant's configuration with its decrypted credentials. */
export type SendingAccount = Pick<
  WhatsappConfiguration,
  'tenantId' | 'provider' | 'phoneNumber' | 'phoneNumberId' | 'businessAccountId' | 'credentials'
>;

export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker';

/** A session (non-template) message: only deliverable while the recipient's 24-hour window is open. */
export type SessionMessage =
  | { kind: 'text'; text: string; previewUrl?: boolean }
  | {
      kind: 'media';
      mediaType: MediaKind;
      mediaId?: string;
      link?: string;
      caption?: string;
      filename?: string;
    }
  | { kind: 'interactive'; interactive: InteractiveCall }
  | ({ kind: 'location' } & LocationCall)
  | { kind: 'contacts'; contacts: ContactCard[] }
  | { kind: 'reaction'; toProviderMessageId: string; emoji: string };

/**
 * Our `whatsapp_messages` id, which the provider echoes in its status callbacks (Cloud API
 * `biz_opaque_callback_data`, Twilio's `StatusCallback` URL): a send whose outcome was lost is
 * recognised by its statuses (docs/decisions/0015).
 */
interface Tracked {
  messageId?: string;
}

export interface SendMessageRequest extends Tracked {
  /** E.164 recipient. */
  to: string;
  message: SessionMessage;
  /** Quote this provider message (WhatsApp `context.message_id`). */
  replyToProviderId?: string;
}

/** A template header's value: its text parameter, or its media by the provider's id or a link. */
export type TemplateHeaderValue =
  | { kind: 'text'; text: string }
  | {
      kind: 'media';
      mediaType: 'image' | 'video' | 'document';
      mediaId?: string;
      link?: string;
      filename?: string;
    };

export interface SendTemplateRequest extends Tracked {
  to: string;
  name: string;
  language: string;
  bodyParams: string[];
  header?: TemplateHeaderValue;
  /** URL suffixes and quick-reply payloads, by button index. */
  buttonParams?: Array<{ index: number; subType: 'url' | 'quick_reply'; param: string }>;
  /** The provider's own template id (Twilio's ContentSid), when the provider needs it. */
  providerTemplateId?: string;
}

export interface SendResult {
  /** wamid… for Cloud API providers, SM…/MM… for Twilio, a generated id for the console. */
  providerMessageId: string;
}

export interface MediaUpload {
  bytes: Buffer;
  mimeType: string;
  filename?: string;
}

/** What a provider cannot carry: the field of POST /messages that asked for it, and why. */
export interface CarryRefusal {
  field: string;
  reason: string;
}

/**
 * One provider's outbound operations (SPEC §8). Every failure is a ProviderError that says
 * whether to retry; adapters never throw anything else for a provider's answer.
 */
export interface WhatsappProvider {
  readonly name: ProviderName;
  sendMessage(
    account: SendingAccount,
    request: SendMessageRequest,
    signal?: AbortSignal,
  ): Promise<SendResult>;
  sendTemplate(
    account: SendingAccount,
    request: SendTemplateRequest,
    signal?: AbortSignal,
  ): Promise<SendResult>;
  uploadMedia(
    account: SendingAccount,
    media: MediaUpload,
    signal?: AbortSignal,
  ): Promise<{ mediaId: string }>;
  /** Blue ticks up to this inbound message; with `typing`, also the typing indicator (Cloud API only). */
  markAsRead(
    account: SendingAccount,
    providerMessageId: string,
    signal?: AbortSignal,
    options?: { typing?: boolean },
  ): Promise<void>;
  /** A kind of message this provider cannot send at all (asked before queueing); undefined when it can. */
  cannotCarry(message: SessionMessage): CarryRefusal | undefined;
}

/** The adapter of each configured provider. */
export interface WhatsappProviders {
  forProvider(provider: ProviderName): WhatsappProvider;
}
