import type { SendMessageRequest, SessionMessage } from '../WhatsappProvider';
import { contactsPayload } from './contactsPayload';
import { interactivePayload } from './interactivePayload';
import { invalidMessage, requireLength } from './invalidMessage';

type Media = Extract<SessionMessage, { kind: 'media' }>;

const CAPTIONED = new Set(['image', 'video', 'document']);

/**
 * The Cloud API recipient: '+' and the digits. Meta prepends the business number's country code
 * to a number sent without '+', which can deliver to the wrong person.
 */
export const cloudApiRecipient = (e164: string): string => `+${e164.replace(/\D/g, '')}`;

/** Addressing, and our id for Meta to echo in the send's status webhooks. */
export const envelope = (to: string, messageId?: string) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: cloudApiRecipient(to),
  ...(messageId ? { biz_opaque_callback_data: messageId } : {}),
});

/** The `{ id | link, caption?, filename? }` object of a media message or a template's media header. */
export function mediaObject(message: Media): Record<string, unknown> {
  if (Boolean(message.mediaId) === Boolean(message.link))
    throw invalidMessage('media needs either a media id or a link, not both');
  if (message.link && !/^https?:\/\//i.test(message.link))
    throw invalidMessage('a media link must be http(s)');
  if (message.caption !== undefined && !CAPTIONED.has(message.mediaType))
    throw invalidMessage(`${message.mediaType} cannot have a caption`);
  if (message.filename !== undefined && message.mediaType !== 'document')
    throw invalidMessage('only documents have a filename');
  requireLength('the caption', message.caption, 1024);
  return {
    ...(message.mediaId ? { id: message.mediaId } : { link: message.link }),
    ...(message.caption === undefined ? {} : { caption: message.caption }),
    ...(message.filename === undefined ? {} : { filename: message.filename }),
  };
}

function content(message: SessionMessage): Record<string, unknown> {
  switch (message.kind) {
    case 'text':
      requireLength('a text body', message.text, 4096);
      return { type: 'text', text: { preview_url: message.previewUrl ?? false, body: message.text } };
    case 'media':
      return { type: message.mediaType, [message.mediaType]: mediaObject(message) };
    case 'interactive':
      return { type: 'interactive', interactive: interactivePayload(message.interactive) };
    case 'location':
      return { type: 'location', location: locationObject(message) };
    case 'contacts':
      return { type: 'contacts', contacts: contactsPayload(message.contacts) };
    case 'reaction':
      return {
        type: 'reaction',
        reaction: { message_id: message.toProviderMessageId, emoji: message.emoji },
      };
  }
}

function locationObject(l: Extract<SessionMessage, { kind: 'location' }>): Record<string, unknown> {
  if (!(Math.abs(l.latitude) <= 90 && Math.abs(l.longitude) <= 180))
    throw invalidMessage('a location needs a latitude within ±90 and a longitude within ±180');
  return {
    latitude: l.latitude,
    longitude: l.longitude,
    ...(l.name === undefined ? {} : { name: l.name }),
    ...(l.address === undefined ? {} : { address: l.address }),
  };
}

/** The `POST …/messages` body of a session message (Meta and 360dialog alike). */
export function messagePayload(request: SendMessageRequest): Record<string, unknown> {
  return {
    ...envelope(request.to, request.messageId),
    ...(request.replyToProviderId ? { context: { message_id: request.replyToProviderId } } : {}),
    ...content(request.message),
  };
}
