import { expect } from 'chai';
import { TYPES } from '../../../src/types';
import { UnstorableDeliveryError, type WebhookInbox } from '../../../src/whatsapp/inbox/WebhookInbox';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { metaTextDelivery } from '../../support/process/metaApp';

const inboundTexts = async () =>
  (await testDb().knex('whatsapp_messages').where({ direction: 'INBOUND' }).select('content')).map(
    (r: { content: { text?: string } }) => r.content.text,
  );

describe('deliveries the database cannot store as they are', () => {
  let h: InboundHarness;
  beforeEach(async () => {
    h = await inboundHarness();
  });

  it('stores a message with a NUL character, with U+FFFD in its place, and processes it', async () => {
    const { body } = metaTextDelivery({ from: '15551234567', text: 'stop\u0000 please' });
    expect((await h.postMeta(body)).status).to.equal(200);
    await h.processor.drain();
    expect(await inboundTexts()).to.deep.equal(['stop\uFFFD please']);
  });

  it('stores unpaired surrogates the same way', async () => {
    const { body } = metaTextDelivery({ from: '15551234567', text: 'x\uD800y' });
    expect((await h.postMeta(body)).status).to.equal(200);
    await h.processor.drain();
    expect(await inboundTexts()).to.deep.equal(['x\uFFFDy']);
  });

  it('refuses only the delivery the database rejects, not those written in the same batch', async () => {
    const inbox = h.container.get<WebhookInbox>(TYPES.WebhookInbox);
    const ordinary = [1, 2, 3].map((i) => metaTextDelivery({ from: '15551234567', text: `hello ${i}` }).body);
    // Text jsonb refuses (the edge parses every body first; the inbox must cope with a refusal anyway).
    const refused = '{"text": "unterminated';
    const store = (json: string) =>
      inbox.store({ provider: 'meta', payload: {}, payloadJson: json, rawBody: Buffer.from(json) });

    const results = await Promise.allSettled([
      store(ordinary[0]),
      store(refused),
      store(ordinary[1]),
      store(ordinary[2]),
    ]);

    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).to.be.instanceOf(UnstorableDeliveryError);
    expect(await testDb().knex('whatsapp_webhook_events').count<{ n: number }[]>('* as n')).to.deep.equal([
      { n: 3 },
    ]);
  });
});
