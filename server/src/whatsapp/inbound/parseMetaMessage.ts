import type { InboundMessageEvent, InboundMessageType, Route } from '../../shared/channel/InboundEvent';
import { compact, compactOrUndefined } from './compact';
import type { JsonReader } from './JsonReader';
import { parseMetaErrors } from './parseMetaErrors';

type Content = Pick<
  InboundMessageEvent,
  'type' | 'text' | 'media' | 'location' | 'contacts' | 'reply' | 'reaction' | 'unsupportedType'
>;

type Reply = NonNullable<InboundMessageEvent['reply']>;

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** One `value.messages[]` item; `contacts` is the same value's `contacts[]`, matched by wa_id or BSUID. */
export function parseMetaMessage(
  message: JsonReader,
  route: Route,
  contacts: JsonReader[],
): InboundMessageEvent {
  const providerMessageId = message.requiredStr('id');
  const timestamp = message.requiredUnixTime('timestamp');
  const declaredType = message.requiredStr('type');
  const ownWaId = message.str('from');
  // Users with a username may withhold their number: only the BSUID identifies them (protocol §5.4).
  const ownUserId = message.str('from_user_id');
  const contact = senderContact(contacts, ownWaId, ownUserId);
  const waId = ownWaId ?? contact?.str('wa_id');
  const userId = ownUserId ?? contact?.str('user_id');
  if (waId === undefined && userId === undefined)
    message.fail('from', 'and from_user_id are both missing, and no single contact names the sender');
  const profile = contact?.obj('profile');
  const context = message.obj('context');

  return compact({
    kind: 'message' as const,
    route,
    providerMessageId,
    timestamp,
    from: compact({
      waId,
      userId,
      username: profile?.str('username'),
      name: profile?.str('name'),
    }),
    ...readContent(message, declaredType),
    context: compactOrUndefined({
      replyToProviderId: context?.str('id'),
      forwarded: context?.bool('forwarded'),
      frequentlyForwarded: context?.bool('frequently_forwarded'),
      referral: message.record('referral'),
    }),
    errors: parseMetaErrors(message.list('errors')),
    raw: message.value,
  });
}

/** The contact matching the sender; a message without its own sender belongs to a change's only contact. */
function senderContact(
  contacts: JsonReader[],
  waId: string | undefined,
  userId: string | undefined,
): JsonReader | undefined {
  if (waId === undefined && userId === undefined) return contacts.length === 1 ? contacts[0] : undefined;
  return contacts.find(
    (c) =>
      (waId !== undefined && c.str('wa_id') === waId) ||
      (userId !== undefined && c.str('user_id') === userId),
  );
}

function readContent(message: JsonReader, declaredType: string): Content {
  if (MEDIA_TYPES.has(declaredType)) {
    const media = message.obj(declaredType);
    return {
      type: declaredType as InboundMessageType,
      text: media?.str('caption'),
      media: compactOrUndefined({
        providerMediaId: media?.id('id'),
        url: media?.str('url'),
        mimeType: media?.str('mime_type'),
        sha256: media?.str('sha256'),
        filename: media?.str('filename'),
        voice: media?.bool('voice'),
        animated: media?.bool('animated'),
      }),
    };
  }
  switch (declaredType) {
    case 'text':
      return { type: 'text', text: message.obj('text')?.str('body') };
    case 'location':
      return { type: 'location', location: readLocation(message.obj('location')) };
    case 'contacts': {
      const shared = message.value.contacts;
      return { type: 'contacts', contacts: Array.isArray(shared) ? shared : undefined };
    }
    case 'interactive':
      return readInteractive(message.obj('interactive'));
    case 'button': {
      // A tap on a template quick-reply button: the payload is what we set when sending.
      const button = message.obj('button');
      const payload = button?.str('payload');
      const text = button?.str('text');
      const id = payload ?? text;
      const title = text ?? payload;
      const reply =
        id !== undefined && title !== undefined ? { kind: 'quick_reply' as const, id, title } : undefined;
      return { type: 'button', text, reply };
    }
    case 'reaction': {
      const reaction = message.obj('reaction');
      const messageId = reaction?.str('message_id');
      // Meta signals a removed reaction by leaving `emoji` out; treat an empty one the same way.
      const emoji = reaction?.str('emoji') || undefined;
      return { type: 'reaction', reaction: messageId ? compact({ messageId, emoji }) : undefined };
    }
    case 'order':
      return { type: 'order', text: message.obj('order')?.str('text') };
    case 'system':
      return { type: 'system', text: message.obj('system')?.str('body') };
    case 'unsupported':
      return { type: 'unsupported', unsupportedType: message.obj('unsupported')?.str('type') };
    default:
      // Older API versions say `unknown`; newer types (polls, edits, …) arrive before we support them.
      return { type: 'unsupported', unsupportedType: declaredType };
  }
}

function readLocation(location: JsonReader | undefined): InboundMessageEvent['location'] {
  const latitude = location?.num('latitude');
  const longitude = location?.num('longitude');
  if (latitude === undefined || longitude === undefined) return undefined;
  return compact({
    latitude,
    longitude,
    name: location?.str('name'),
    address: location?.str('address'),
    url: location?.str('url'),
  });
}

function readInteractive(interactive: JsonReader | undefined): Content {
  const kind = interactive?.str('type');
  if (kind !== 'button_reply' && kind !== 'list_reply') return { type: 'interactive' };
  const reply = interactive?.obj(kind);
  const id = reply?.str('id');
  const title = reply?.str('title');
  if (id === undefined || title === undefined) return { type: 'interactive' };
  return {
    type: 'interactive',
    text: title,
    reply: compact<Reply>({ kind, id, title, description: reply?.str('description') }),
  };
}
