import { ProviderError } from '../ProviderError';
import type {
  CarryRefusal,
  SendMessageRequest,
  SendTemplateRequest,
  SessionMessage,
} from '../WhatsappProvider';

/** What plain Twilio WhatsApp messages cannot carry: fails at once, never retried. */
export const unsupported = (what: string): ProviderError =>
  new ProviderError('permanent', 'unsupported', `Twilio WhatsApp messages cannot carry ${what}`);

const whatsapp = (e164: string) => `whatsapp:${e164.startsWith('+') ? e164 : `+${e164}`}`;

/** The query parameter of our status callback URL that carries our message id. */
export const CALLBACK_MESSAGE_ID = 'messageId';

/** Where Twilio posts this message's statuses: our webhook, with our message id in the URL. */
export function statusCallbackFor(base: string | undefined, messageId?: string): string | undefined {
  if (!base || !messageId) return base;
  const url = new URL(base);
  url.searchParams.set(CALLBACK_MESSAGE_ID, messageId);
  return url.toString();
}

function addressed(
  from: string,
  request: { to: string; messageId?: string },
  statusCallback?: string,
): URLSearchParams {
  const form = new URLSearchParams({ From: whatsapp(from), To: whatsapp(request.to) });
  const callback = statusCallbackFor(statusCallback, request.messageId);
  if (callback) form.set('StatusCallback', callback);
  return form;
}

/**
 * What a plain Messages API WhatsApp message cannot carry: only text and media by link go as
 * `Body`/`MediaUrl`; interactive messages and locations need a Twilio content template, and
 * reactions, contact cards, stickers and media by id have no form at all.
 */
export function twilioRefusal(message: SessionMessage): CarryRefusal | undefined {
  switch (message.kind) {
    case 'text':
      return undefined;
    case 'media':
      if (message.mediaType === 'sticker') return { field: 'sticker', reason: 'stickers' };
      return message.link ? undefined : { field: 'media.id', reason: 'media by id (send a link)' };
    case 'interactive':
      return { field: 'interactive', reason: 'interactive messages (use a content template)' };
    case 'location':
      return { field: 'location', reason: 'locations (use a content template)' };
    case 'contacts':
      return { field: 'contacts', reason: 'contact cards' };
    case 'reaction':
      return { field: 'reaction', reason: 'reactions' };
  }
}

/**
 * Text and media by link (see twilioRefusal); a quoted reply goes out unquoted (Twilio has no
 * reply context on sends).
 */
export function twilioMessageForm(from: string, request: SendMessageRequest, statusCallback?: string) {
  const refused = twilioRefusal(request.message);
  if (refused) throw unsupported(refused.reason);
  const form = addressed(from, request, statusCallback);
  const { message } = request;
  if (message.kind === 'text') form.set('Body', message.text);
  else if (message.kind === 'media' && message.link) {
    if (message.caption) form.set('Body', message.caption);
    form.set('MediaUrl', message.link);
  }
  return form;
}

/**
 * A Content API template: `ContentSid` is the template's provider id. Twilio numbers a content
 * template's variables across the whole template, so ours are numbered in one run: the body's
 * `{{1}}…{{n}}` are "1"…"n", the header's text parameter is "n+1", then each button parameter
 * given (URL suffix or quick-reply payload), by button index. A Twilio content template carries its
 * header media itself, so a media header value cannot be sent.
 */
export function twilioTemplateForm(from: string, request: SendTemplateRequest, statusCallback?: string) {
  if (!request.providerTemplateId)
    throw new ProviderError(
      'permanent',
      'template_not_synced',
      `template ${request.name} has no Twilio ContentSid; register it with its contentSid`,
    );
  if (request.header?.kind === 'media')
    throw unsupported('template header media (set it in the content template)');
  const form = addressed(from, request, statusCallback);
  form.set('ContentSid', request.providerTemplateId);
  const values = [
    ...request.bodyParams,
    ...(request.header ? [request.header.text] : []),
    ...[...(request.buttonParams ?? [])].sort((a, b) => a.index - b.index).map((b) => b.param),
  ];
  if (values.length)
    form.set(
      'ContentVariables',
      JSON.stringify(Object.fromEntries(values.map((v, i) => [String(i + 1), v]))),
    );
  return form;
}
