import crypto from 'node:crypto';
import { loadFixture } from './fixtures';
import type { InboundHarness } from './inboundHarness';
import { testDb } from './integrationHooks';

/** A Meta delivery of one message from `phone` (E.164), like the fixtures but with our own text. */
export function metaDelivery(
  phone: string,
  text: string,
  options: { type?: 'text' | 'image'; name?: string } = {},
) {
  const base = JSON.parse(
    loadFixture(options.type === 'image' ? 'meta-image.json' : 'meta-text.json').toString(),
  );
  const value = base.entry[0].changes[0].value;
  const digits = phone.replace(/\D/g, '');
  value.contacts = [{ profile: { name: options.name ?? 'Someone' }, wa_id: digits }];
  const message = value.messages[0];
  message.from = digits;
  message.id = `wamid.${crypto.randomBytes(12).toString('base64url')}`;
  message.timestamp = String(Math.floor(Date.now() / 1000) - 5);
  if (options.type === 'image') message.image.caption = text;
  else message.text.body = text;
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
