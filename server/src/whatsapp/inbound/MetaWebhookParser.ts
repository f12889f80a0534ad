import type {
  DeliveryStatus,
  InboundEvent,
  MessageStatusEvent,
  Route,
  TemplateStatusEvent,
} from '../../shared/channel/InboundEvent';
import { compact } from './compact';
import { fitToStorage } from './fitToStorage';
import { JsonReader } from './JsonReader';
import { ourMessageId } from './ourMessageId';
import { parseMetaErrors } from './parseMetaErrors';
import { parseMetaMessage } from './parseMetaMessage';

const STATUSES: ReadonlySet<string> = new Set<DeliveryStatus>([
  'sent',
  'delivered',
  'read',
  'failed',
  'played',
]);

/**
 * Every event of a Meta Cloud API (or 360dialog, same envelope) webhook delivery, in delivery order:
 * all entries, all changes, and within a change its messages, statuses, then value-level errors.
 * Fields other than `messages` and `message_template_status_update` yield nothing.
 * Throws MalformedDeliveryError when the body is not a WhatsApp delivery.
 */
export function parseMetaDelivery(body: unknown): InboundEvent[] {
  const root = JsonReader.root(body);
  if (root.value.object !== 'whatsapp_business_account') {
    root.fail('object', "must be 'whatsapp_business_account'");
  }
  const events: InboundEvent[] = [];
  for (const entry of root.requiredList('entry')) {
    const wabaId = entry.id('id');
    for (const change of entry.requiredList('changes')) {
      const field = change.requiredStr('field');
      if (field === 'messages') events.push(...parseMessagesValue(change.requiredObj('value'), wabaId));
      else if (field === 'message_template_status_update') {
        events.push(parseTemplateStatus(change.requiredObj('value'), entry));
      }
    }
  }
  return fitToStorage(events);
}

function parseMessagesValue(value: JsonReader, wabaId: string | undefined): InboundEvent[] {
  const metadata = value.requiredObj('metadata');
  const displayPhone = metadata.str('display_phone_number')?.replace(/\D/g, '');
  const route: Route = compact({
    phoneNumberId: metadata.requiredStr('phone_number_id'),
    businessPhone: displayPhone ? `+${displayPhone}` : undefined,
    wabaId,
  });
  const contacts = value.list('contacts');
  const events: InboundEvent[] = value
    .list('messages')
    .map((message) => parseMetaMessage(message, route, contacts));
  for (const status of value.list('statuses')) {
    const event = parseStatus(status, route);
    if (event) events.push(event);
  }
  const errors = parseMetaErrors(value.list('errors'));
  if (errors) events.push({ kind: 'provider_error', route, errors, raw: { errors: value.value.errors } });
  return events;
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
