import type {
  InboundEvent,
  InboundMessageEvent,
  InboundMessageType,
  MessageStatusEvent,
} from '../../shared/channel/InboundEvent';
import { compact, compactOrUndefined } from './compact';
import { fitToStorage } from './fitToStorage';
import { MalformedDeliveryError } from './MalformedDeliveryError';
import { ourMessageId } from './ourMessageId';

/**
 * Where the webhook keeps our message id from the status callback's URL (Twilio echoes only the
 * URL we gave it) among the stored form parameters; set by the webhook route alone.
 */
export const CALLBACK_MESSAGE_ID_PARAM = 'WaOpsMessageId';

type TwilioStatus = MessageStatusEvent['status'];

/**
 * Twilio `MessageStatus` → ours. Only statuses that report progress of a message we sent become events:
 * `queued`, `accepted`, `scheduled`, `sending` precede `sent` and are ours to know already; `canceled`
 * is the result of our own cancel call; `receiving`/`received` describe inbound messages, whose content
 * arrives through the inbound webhook; `partially_delivered` is MMS-only.
 */
const STATUS_MAP: ReadonlyMap<string, TwilioStatus> = new Map([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['failed', 'failed'],
  ['undelivered', 'failed'],
]);

const KNOWN_TYPES = new Set<string>([
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
]);
const MEDIA_TYPES = new Set<string>(['image', 'video', 'audio', 'document', 'sticker']);

/**
 * Events of one Twilio WhatsApp webhook (inbound message or status callback), from the decoded form
 * parameters. Twilio sends no event time, so `receivedAt` stands in for it. Unknown extra parameters
 * are tolerated (Twilio adds them without notice). Throws MalformedDeliveryError when the parameters
 * are neither an inbound message nor a status callback.
 */
export function parseTwilioDelivery(
  params: Record<string, string>,
  receivedAt: Date = new Date(),
): InboundEvent[] {
  const messageSid = required(params, 'MessageSid');
  if (params.MessageStatus !== undefined) return fitToStorage(parseStatus(params, messageSid, receivedAt));
  return fitToStorage([parseInbound(params, messageSid, receivedAt)]);
}

function parseStatus(params: Record<string, string>, messageSid: string, receivedAt: Date): InboundEvent[] {
  const status = STATUS_MAP.get(params.MessageStatus);
  // The business number sends the message, so the tenant is found from `From`.
  const businessPhone = toE164(required(params, 'From'));
  if (status === undefined) return [];
  const errorCode = params.ErrorCode;
  return [
    compact({
      kind: 'status' as const,
      route: { businessPhone },
      providerMessageId: messageSid,
      status,
      timestamp: receivedAt,
      recipient: params.To ? toDigits(params.To) : undefined,
      messageId: ourMessageId(params[CALLBACK_MESSAGE_ID_PARAM]),
      // Twilio's WhatsApp callbacks put the human text in ChannelStatusMessage rather than ErrorMessage.
      errors: errorCode
        ? [
            compact({
              code: errorCode,
              message: params.ErrorMessage || params.ChannelStatusMessage || undefined,
            }),
          ]
        : undefined,
      raw: { ...params },
    }),
  ];
}

function parseInbound(
  params: Record<string, string>,
  messageSid: string,
  receivedAt: Date,
): InboundMessageEvent {
  const businessPhone = toE164(required(params, 'To'));
  const from = required(params, 'From');
  const type = messageType(params);
  const latitude = toNumber(params.Latitude);
  const longitude = toNumber(params.Longitude);
  const buttonId = params.ButtonPayload || params.ButtonText;
  const buttonTitle = params.ButtonText || params.ButtonPayload;
  return compact({
    kind: 'message' as const,
    route: { businessPhone },
    providerMessageId: messageSid,
    timestamp: receivedAt,
    from: compact({ waId: params.WaId || toDigits(from), name: params.ProfileName || undefined }),
    type: KNOWN_TYPES.has(type) ? (type as InboundMessageType) : 'unsupported',
    unsupportedType: KNOWN_TYPES.has(type) ? undefined : type,
    text: params.ButtonText || params.Body || undefined,
    // Only the first attachment is modelled; the others stay in `raw` as MediaUrl{N}/MediaContentType{N}.
    media: params.MediaUrl0
      ? compact({
          providerMediaId: /\/(ME[0-9a-f]{32})$/i.exec(params.MediaUrl0)?.[1],
          url: params.MediaUrl0,
          mimeType: params.MediaContentType0 || undefined,
        })
      : undefined,
    location:
      latitude !== undefined && longitude !== undefined
        ? compact({
            latitude,
            longitude,
            name: params.Label || undefined,
            address: params.Address || undefined,
          })
        : undefined,
    reply:
      buttonId && buttonTitle
        ? { kind: 'quick_reply' as const, id: buttonId, title: buttonTitle }
        : undefined,
    context: compactOrUndefined({
      replyToProviderId: params.OriginalRepliedMessageSid || undefined,
      forwarded: params.Forwarded === 'true' || undefined,
      frequentlyForwarded: params.FrequentlyForwarded === 'true' || undefined,
      referral: referral(params),
    }),
    raw: { ...params },
  });
}

/** Button, location and media parameters decide first (MessageType is undocumented); then `MessageType`. */
function messageType(params: Record<string, string>): string {
  const declared = params.MessageType;
  if (params.ButtonPayload || params.ButtonText) return 'button';
  if (params.Latitude && params.Longitude) return 'location';
  if (Number(params.NumMedia) > 0 && !(declared && MEDIA_TYPES.has(declared))) {
    return mediaType(params.MediaContentType0 ?? '');
  }
  return declared || 'text';
}

function mediaType(contentType: string): string {
  const family = contentType.split('/')[0];
  return family === 'image' || family === 'video' || family === 'audio' ? family : 'document';
}

/** Click-to-WhatsApp ad parameters (`ReferralBody`, `ReferralSourceUrl`, …), keyed as Twilio names them. */
function referral(params: Record<string, string>): Record<string, unknown> | undefined {
  const entries = Object.entries(params).filter(
    ([key, value]) =>
      key.startsWith('Referral') && value !== '' && !(key === 'ReferralNumMedia' && value === '0'),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function required(params: Record<string, string>, key: string): string {
  const value = params[key];
  if (!value) throw new MalformedDeliveryError(key, 'is missing');
  return value;
}

function withoutChannel(address: string): string {
  return address.replace(/^whatsapp:/, '');
}

function toE164(address: string): string {
  const bare = withoutChannel(address);
  return /^\+?\d+$/.test(bare) ? `+${bare.replace('+', '')}` : bare;
}

function toDigits(address: string): string {
  return withoutChannel(address).replace(/^\+/, '');
}

function toNumber(value: string | undefined): number | undefined {
  const parsed = value ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}
