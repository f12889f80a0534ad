import type { InboundEvent, InboundMessageEvent, ProviderError } from '../../shared/channel/InboundEvent';
import { compact } from './compact';
import { MalformedDeliveryError } from './MalformedDeliveryError';

/**
 * The longest values the inbox's effects can store (the columns they land in). Real provider ids are
 * far shorter (a wamid is ~60 characters, a Twilio SID 34); a delivery whose ids exceed these is not
 * one a provider sent, and is refused at the edge rather than failing in the worker again and again.
 */
const MAX = {
  providerId: 128,
  customerId: 128,
  name: 200,
  mediaId: 256,
  mimeType: 128,
  filename: 512,
  errorCode: 32,
  accountEvent: 32,
  verifiedName: 256,
} as const;

const clamp = (text: string | undefined, max: number) =>
  text !== undefined && text.length > max ? text.slice(0, max) : text;

function requireFits(field: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max)
    throw new MalformedDeliveryError(field, `is longer than ${max} characters`);
}

const fitErrors = (errors: ProviderError[] | undefined) =>
  errors?.map((e) => ({ ...e, code: clamp(e.code, MAX.errorCode) ?? e.code }));

function fitMessage(event: InboundMessageEvent): InboundMessageEvent {
  requireFits('messages[].id', event.providerMessageId, MAX.providerId);
  requireFits('messages[].from', event.from.waId, MAX.customerId);
  requireFits('messages[].from_user_id', event.from.userId, MAX.customerId);
  requireFits('messages[].reaction.message_id', event.reaction?.messageId, MAX.providerId);
  const replyTo = event.context?.replyToProviderId;
  return {
    ...event,
    from: compact({
      ...event.from,
      name: clamp(event.from.name, MAX.name),
      username: clamp(event.from.username, MAX.name),
    }),
    ...(event.media && {
      media: compact({
        ...event.media,
        providerMediaId:
          event.media.providerMediaId && event.media.providerMediaId.length <= MAX.mediaId
            ? event.media.providerMediaId
            : undefined,
        mimeType: clamp(event.media.mimeType, MAX.mimeType),
        filename: clamp(event.media.filename, MAX.filename),
      }),
    }),
    ...(event.context && {
      // A reply to an id no message of ours can have is just not a reply to anything we know.
      context: compact({
        ...event.context,
        replyToProviderId: replyTo && replyTo.length <= MAX.providerId ? replyTo : undefined,
      }),
    }),
    ...(event.errors && { errors: fitErrors(event.errors) }),
  };
}

/**
 * Makes parsed events storable: refuses (MalformedDeliveryError) identifiers too long for their
 * columns, shortens free text that is only shown (names, file names, error codes).
 */
export function fitToStorage(events: InboundEvent[]): InboundEvent[] {
  return events.map((event) => {
    switch (event.kind) {
      case 'message':
        return fitMessage(event);
      case 'status':
        requireFits('statuses[].id', event.providerMessageId, MAX.providerId);
        return event.errors ? { ...event, errors: fitErrors(event.errors) } : event;
      case 'provider_error':
        return { ...event, errors: fitErrors(event.errors) ?? [] };
      case 'template_status':
      case 'template_category':
        return event;
      case 'user_preference':
        requireFits('user_preferences[].wa_id', event.waId, MAX.customerId);
        requireFits('user_preferences[].user_id', event.userId, MAX.customerId);
        return event;
      case 'account':
        return compact({
          ...event,
          event: clamp(event.event, MAX.accountEvent),
          requestedName: clamp(event.requestedName, MAX.verifiedName),
        });
    }
  });
}
