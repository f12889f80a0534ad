import {
  ACCOUNT_FIELDS,
  type AccountField,
  type DeliveryStatus,
  type InboundEvent,
  type MessageStatusEvent,
  type Route,
  type TemplateStatusEvent,
} from '../../shared/channel/InboundEvent';
import { compact } from './compact';
import { fitToStorage } from './fitToStorage';
import { JsonReader } from './JsonReader';
import { MalformedDeliveryError } from './MalformedDeliveryError';
import { ourMessageId } from './ourMessageId';
import { parseAccountEvent, parseTemplateCategory, parseUserPreferences } from './parseAccountEvents';
import { parseMetaErrors } from './parseMetaErrors';
import { parseMetaMessage } from './parseMetaMessage';

const STATUSES: ReadonlySet<string> = new Set<DeliveryStatus>([
  'sent',
  'delivered',
  'read',
  'failed',
  'played',
]);

export interface MetaDelivery {
  events: InboundEvent[];
  /** The parts left out, each as `path reason`: a message or status that could not be read. */
  skipped: string[];
}

/**
 * Every event of a Meta Cloud API (or 360dialog, same envelope) webhook delivery, in delivery order:
 * all entries, all changes, and within a change its messages, statuses, then value-level errors.
 * `messages`, `message_template_status_update`, `template_category_update`, `user_preferences` and
 * the account-health fields (ACCOUNT_FIELDS) yield events; other fields yield nothing.
 * Throws MalformedDeliveryError only when the body is not a WhatsApp delivery at all; an entry,
 * change, message or status that cannot be read is skipped and listed, and the rest is kept (a
 * 400 would refuse them all, and Meta would redeliver the whole delivery for days).
 */
export function readMetaDelivery(body: unknown): MetaDelivery {
  const root = JsonReader.root(body);
  if (root.value.object !== 'whatsapp_business_account') {
    root.fail('object', "must be 'whatsapp_business_account'");
  }
  if (!Array.isArray(root.value.entry)) root.fail('entry', 'must be an array');
  const reader = new PartReader();
  for (const entry of root.objects('entry', reader.skip)) {
    const wabaId = entry.id('id');
    if (entry.value.changes === undefined)
      reader.skip(new MalformedDeliveryError(entry.pathOf('changes'), 'is missing'));
    for (const change of entry.objects('changes', reader.skip))
      reader.part(() => {
        const field = change.requiredStr('field');
        if (field === 'messages') readMessagesValue(change.requiredObj('value'), wabaId, reader);
        else if (field === 'message_template_status_update')
          reader.keep(parseTemplateStatus(change.requiredObj('value'), entry));
        else if (field === 'template_category_update')
          reader.keep(parseTemplateCategory(change.requiredObj('value'), entry));
        else if (field === 'user_preferences')
          for (const event of parseUserPreferences(change.requiredObj('value'), entry)) reader.keep(event);
        else if (isAccountField(field))
          reader.keep(parseAccountEvent(field, change.requiredObj('value'), entry));
      });
  }
  return { events: reader.events, skipped: reader.skipped };
}

/** Reads a delivery part by part: what cannot be read is listed in `skipped`, the rest kept. */
class PartReader {
  readonly events: InboundEvent[] = [];
  readonly skipped: string[] = [];

  readonly skip = (error: MalformedDeliveryError): void => {
    this.skipped.push(`${error.field} ${error.reason}`);
  };

  part<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof MalformedDeliveryError)) throw error;
      this.skip(error);
      return undefined;
    }
  }

  /** Keeps an event whose values fit the columns they land in (fitToStorage), else skips it. */
  keep(event: InboundEvent | undefined): void {
    const fitted = event && this.part(() => fitToStorage([event])[0]);
    if (fitted) this.events.push(fitted);
  }
}

const isAccountField = (field: string): field is AccountField =>
  (ACCOUNT_FIELDS as readonly string[]).includes(field);

/** The events of a delivery, without the list of what was skipped. */
export const parseMetaDelivery = (body: unknown): InboundEvent[] => readMetaDelivery(body).events;

function readMessagesValue(value: JsonReader, wabaId: string | undefined, reader: PartReader): void {
  const metadata = value.requiredObj('metadata');
  const displayPhone = metadata.str('display_phone_number')?.replace(/\D/g, '');
  const route: Route = compact({
    phoneNumberId: metadata.requiredStr('phone_number_id'),
    businessPhone: displayPhone ? `+${displayPhone}` : undefined,
    wabaId,
  });
  const contacts = value.objects('contacts', () => undefined);
  for (const message of value.objects('messages', reader.skip))
    reader.keep(reader.part(() => parseMetaMessage(message, route, contacts)));
  for (const status of value.objects('statuses', reader.skip))
    reader.keep(reader.part(() => parseStatus(status, route)));
  const errors = reader.part(() => parseMetaErrors(value.list('errors')));
  if (errors) reader.keep({ kind: 'provider_error', route, errors, raw: { errors: value.value.errors } });
}

function parseStatus(status: JsonReader, route: Route): MessageStatusEvent | undefined {
  const providerMessageId = status.requiredStr('id');
  const value = status.requiredStr('status');
  const timestamp = status.requiredUnixTime('timestamp');
  // Statuses from older API versions (`deleted`, `warning`) say nothing about delivery progress.
  if (!STATUSES.has(value)) return undefined;
  return compact({
    kind: 'status' as const,
    route,
    providerMessageId,
    status: value as DeliveryStatus,
    timestamp,
    recipient: status.str('recipient_id'),
    recipientUserId: status.str('recipient_user_id'),
    messageId: ourMessageId(status.str('biz_opaque_callback_data')),
    errors: parseMetaErrors(status.list('errors')),
    conversation: status.record('conversation'),
    pricing: status.record('pricing'),
    raw: status.value,
  });
}

function parseTemplateStatus(value: JsonReader, entry: JsonReader): TemplateStatusEvent {
  const reason = value.str('reason');
  return compact({
    kind: 'template_status' as const,
    // Templates belong to the WABA: without its id the tenant cannot be found.
    route: { wabaId: entry.requiredId('id') },
    providerTemplateId: value.requiredId('message_template_id'),
    name: value.requiredStr('message_template_name'),
    language: value.requiredStr('message_template_language').replace(/-/g, '_'),
    status: value.requiredStr('event'),
    reason: reason && reason !== 'NONE' ? reason : undefined,
    reasonDetail: value.obj('rejection_info')?.str('reason') ?? value.obj('other_info')?.str('description'),
    category: value.str('message_template_category'),
    // The value carries no time of its own; `entry[].time` is when Meta emitted the change.
    timestamp: entry.requiredUnixTime('time'),
    raw: value.value,
  });
}
