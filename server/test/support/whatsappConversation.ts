import crypto from 'node:crypto';
import { loadFixture } from './fixtures';
import type { InboundHarness } from './inboundHarness';
import { testDb } from './integrationHooks';

export interface DeliveryOptions {
  type?: 'text' | 'image' | 'audio';
  name?: string;
  /** When the message was sent (default: five seconds ago). */
  at?: Date;
  /** The media's provider id and the sha256 of its bytes (base64), for media downloads. */
  mediaId?: string;
  sha256?: string;
}

const FIXTURES = { text: 'meta-text.json', image: 'meta-image.json', audio: 'meta-audio-voice.json' };

/**
 * A Meta delivery of one message from `phone` (E.164), like the fixtures but with our own text (the
 * caption of an image; none when empty; an audio message has none).
 */
export function metaDelivery(phone: string, text: string, options: DeliveryOptions = {}) {
  const type = options.type ?? 'text';
  const base = JSON.parse(loadFixture(FIXTURES[type]).toString());
  const value = base.entry[0].changes[0].value;
  const digits = phone.replace(/\D/g, '');
  value.contacts = [{ profile: { name: options.name ?? 'Someone' }, wa_id: digits }];
  const message = value.messages[0];
  message.from = digits;
  message.id = `wamid.${crypto.randomBytes(12).toString('base64url')}`;
  message.timestamp = String(Math.floor((options.at?.getTime() ?? Date.now() - 5000) / 1000));
  if (type === 'text') message.text.body = text;
  else {
    const media = message[type];
    if (type === 'image' && text) media.caption = text;
    else delete media.caption;
    if (options.mediaId) media.id = options.mediaId;
    if (options.sha256) media.sha256 = options.sha256;
  }
  return JSON.stringify(base);
}

/** Sends `text` from `phone` through the signed webhook, processes it, and returns the replies queued to `phone`. */
export async function say(
  h: InboundHarness,
  phone: string,
  text: string,
  options?: Parameters<typeof metaDelivery>[2],
) {
  const before = await queuedTo(phone);
  await h.postMeta(metaDelivery(phone, text, options)).expect(200);
  await h.processor.drain();
  return (await queuedTo(phone)).slice(before.length);
}

export async function queuedTo(phone: string): Promise<string[]> {
  const rows = await testDb()
    .knex('whatsapp_messages')
    .where({ direction: 'OUTBOUND', customer_phone: phone })
    .orderBy('created_at');
  return rows.map((r) => r.content.text ?? `[template ${r.content.template?.name}]`);
}
