import { expect } from 'chai';
import type { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { TYPES } from '../../../src/types';
import { InboxProcessor } from '../../../src/whatsapp/inbox/InboxProcessor';
import type { InboxEvents } from '../../../src/whatsapp/inbox/InboxEvents';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { RecordingRouter } from '../../support/RecordingRouter';

const knex = () => testDb().knex;
const messages = () => knex()('whatsapp_messages').orderBy('created_at');

/** An outbound message the fixtures' statuses refer to. */
async function anOutboundMessage(tenantId: string, providerMessageId: string, status = 'sent') {
  const [row] = await knex()('whatsapp_messages')
    .insert({
      tenant_id: tenantId,
      provider_message_id: providerMessageId,
      direction: 'OUTBOUND',
      type: 'text',
      status,
      customer_phone: '+15551234567',
    })
    .returning('*');
  return row;
}

const providerIdOf = async (fixture: string) =>
  JSON.parse((await import('../../support/fixtures')).loadFixture(fixture).toString()).entry[0].changes[0]
    .value.statuses[0].id as string;

describe('inbound processing', () => {
  let h: InboundHarness;
  let router: RecordingRouter;

  beforeEach(async () => {
    router = new RecordingRouter();
    h = await inboundHarness({}, router);
  });

  const deliver = async (...fixtures: string[]) => {
    for (const f of fixtures) await h.postFixture(f).expect(200);
    await h.processor.drain();
  };

  describe('messages', () => {
    const types: Array<[string, string, (content: Record<string, unknown>) => void]> = [
      ['meta-text.json', 'text', (c) => expect(c.text).to.be.a('string').and.not.empty],
      [
        'meta-image.json',
        'image',
        (c) => expect(c.media).to.include.keys('providerMediaId', 'mimeType', 'sha256'),
      ],
      [
        'meta-document.json',
        'document',
        (c) => expect((c.media as { filename: string }).filename).to.be.a('string'),
      ],
      ['meta-audio-voice.json', 'audio', (c) => expect((c.media as { voice: boolean }).voice).to.equal(true)],
      ['meta-location.json', 'location', (c) => expect(c.location).to.include.keys('latitude', 'longitude')],
      [
        'meta-interactive-button-reply.json',
        'interactive',
        (c) => expect((c.reply as { kind: string }).kind).to.equal('button_reply'),
      ],
      [
        'meta-interactive-list-reply.json',
        'interactive',
        (c) => expect((c.reply as { kind: string }).kind).to.equal('list_reply'),
      ],
      [
        'meta-button-quick-reply.json',
        'button',
        (c) => expect((c.reply as { kind: string }).kind).to.equal('quick_reply'),
      ],
      ['meta-unsupported.json', 'unsupported', (c) => expect(c.unsupportedType).to.be.a('string')],
    ];
    for (const [fixture, type, check] of types) {
      it(`records ${fixture} as one ${type} message in the customer's active conversation and routes it once`, async () => {
        await deliver(fixture);
        const [message] = await messages();
        expect(message).to.include({ direction: 'INBOUND', type, status: 'received', tenant_id: h.tenantId });
        expect(message.provider_message_id).to.match(/^wamid\./);
        expect(message.content.provider).to.be.an('object');
        check(message.content);
        const conversation = await knex()('whatsapp_conversations')
          .where({ id: message.conversation_id })
          .first();
        expect(conversation).to.include({
          status: 'active',
          customer_phone: message.customer_phone,
          unread_count: 1,
        });
        expect(conversation.last_inbound_at).to.be.instanceOf(Date);
        expect(router.routed.map((r) => r.messageId)).to.deep.equal([message.id]);
        const event = await knex()('whatsapp_webhook_events').first();
        expect(event.processed_at).to.be.instanceOf(Date);
        expect(event.error).to.equal(null);
      });
    }

    it('normalises the sender to E.164, keeps the profile name and records the first contact as an opt-in', async () => {
      await deliver('meta-text.json');
      const conversation = await knex()('whatsapp_conversations').first();
      expect(conversation.customer_phone).to.equal('+15551234567');
      expect(conversation.customer_name).to.equal('Ana Test');
      const optIn = await knex()('whatsapp_opt_ins')
        .where({ tenant_id: h.tenantId, phone: '+15551234567' })
        .first();
      expect(optIn).to.include({ status: 'opted_in', source: 'inbound_message' });
    });

    it('does not turn an earlier opt-out back into an opt-in', async () => {
      await knex()('whatsapp_opt_ins').insert({
        tenant_id: h.tenantId,
        phone: '+15551234567',
        status: 'opted_out',
        source: 'STOP',
      });
      await deliver('meta-text.json');
      expect((await knex()('whatsapp_opt_ins').first()).status).to.equal('opted_out');
    });

    it('opens the 24-hour window at the time the customer wrote', async () => {
      await deliver('meta-text.json');
      const conversation = await knex()('whatsapp_conversations').first();
      const message = await knex()('whatsapp_messages').first();
      expect(conversation.last_inbound_at.getTime()).to.equal(message.provider_timestamp.getTime());
      expect(conversation.expires_at.getTime() - conversation.last_inbound_at.getTime()).to.equal(
        24 * 3600 * 1000,
      );
    });

    it('processes every message of a batch and every change of a mixed delivery', async () => {
      await anOutboundMessage(h.tenantId, await providerIdOf('meta-status-read-v24.json').catch(() => 'x'));
      await deliver('meta-batch-two-messages.json', 'meta-batch-mixed.json');
      const inbound = await knex()('whatsapp_messages').where({ direction: 'INBOUND' });
      expect(inbound).to.have.length(3);
      expect(new Set(inbound.map((m) => m.customer_phone))).to.include('+5491155550123');
      expect(router.routed).to.have.length(3);
    });

    it('records a message from a business-scoped user id without a phone and answers by that id', async () => {
      await deliver('meta-text-bsuid-no-phone.json');
      const [message] = await messages();
      expect(message.customer_phone).to.match(/^[A-Z]{2}\./);
      const conversation = await knex()('whatsapp_conversations').first();
      expect(conversation.customer_phone).to.equal(message.customer_phone);
      expect(conversation.customer_user_id).to.equal(message.customer_phone);
    });

    it('stores reactions against the message they react to, on the timeline, without routing them', async () => {
      const target = await anOutboundMessage(h.tenantId, 'placeholder');
      const reacted = JSON.parse(
        (await import('../../support/fixtures')).loadFixture('meta-reaction.json').toString(),
      ).entry[0].changes[0].value.messages[0].reaction.message_id as string;
      await knex()('whatsapp_messages').where({ id: target.id }).update({ provider_message_id: reacted });
      await deliver('meta-reaction.json', 'meta-reaction-removed.json');
      expect(router.routed).to.have.length(0);
      const entries = await knex()('timeline_entries').orderBy('created_at');
      expect(entries.map((e) => e.content.action)).to.have.members(['REACTION_ADDED', 'REACTION_REMOVED']);
      expect(entries[0]).to.include({
        entity_type: 'conversation',
        event_type: 'MESSAGE',
        source: 'WHATSAPP',
      });
      expect(entries.find((e) => e.content.action === 'REACTION_ADDED').content.reactsToMessageId).to.equal(
        target.id,
      );
      expect(await knex()('leads')).to.have.length(0);
    });
  });

  describe('exactly once', () => {
    it('records a message once when the same message arrives in two different deliveries', async () => {
      await deliver('meta-text.json');
      const body = JSON.parse(
        (await import('../../support/fixtures')).loadFixture('meta-text.json').toString(),
      );
      body.entry[0].changes[0].value.messages[0].text.body = 'edited in transit';
      await h.postMeta(JSON.stringify(body)).expect(200);
      await h.processor.drain();
      expect(await messages()).to.have.length(1);
      expect(router.routed).to.have.length(1);
      expect(await knex()('whatsapp_webhook_events').whereNull('processed_at')).to.have.length(0);
    });

    it('picks up events stored while no worker ran (a restart)', async () => {
      await h.postFixture('meta-text.json').expect(200);
      await h.postFixture('meta-image.json').expect(200);
      expect(await messages()).to.have.length(0);
      const restarted = h.container.get(InboxProcessor);
      expect(await restarted.drain()).to.equal(2);
      expect(await messages()).to.have.length(2);
    });

    it('takes over an event whose worker died holding its lease, and processes it once', async () => {
      await h.postFixture('meta-text.json').expect(200);
      const events = h.container.get<InboxEvents>(TYPES.InboxEvents);
      const [claimed] = await events.claim(10, 1); // a worker claims it, then dies
      expect(claimed).to.exist;
      expect(await events.claim(10, 1)).to.have.length(0); // leased: nobody else takes it
      let retaken: unknown[] = [];
      for (let i = 0; i < 50 && retaken.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        retaken = await events.claim(10, 60);
      }
      expect(retaken).to.have.length(1);
      await knex()('whatsapp_webhook_events').update({ locked_until: null });
      await h.processor.drain();
      expect(await messages()).to.have.length(1);
    });

    it('commits the other events of a shared transaction when one fails, and retries only that one', async () => {
      const fixtures = ['meta-text.json', 'meta-image.json', 'meta-document.json']; // one customer: one transaction
      for (const f of fixtures) await h.postFixture(f).expect(200);
      const { loadFixture } = await import('../../support/fixtures');
      const idOf = (f: string) =>
        JSON.parse(loadFixture(f).toString()).entry[0].changes[0].value.messages[0].id as string;
      router.failures.set(idOf('meta-image.json'), 2); // in the shared transaction, and alone

      await h.processor.drain();
      const recorded = async () => (await messages()).map((m) => m.provider_message_id).sort();
      expect(await recorded()).to.deep.equal([idOf('meta-text.json'), idOf('meta-document.json')].sort());
      const pending = await knex()('whatsapp_webhook_events').whereNull('processed_at');
      expect(pending).to.have.length(1);
      expect(pending[0].error).to.equal(`router failed on ${idOf('meta-image.json')}`);
      expect(pending[0].attempts).to.equal(1);

      await knex()('whatsapp_webhook_events').update({ available_at: knex().fn.now() });
      await h.processor.drain();
      expect(await recorded()).to.deep.equal(fixtures.map(idOf).sort());
      expect(await knex()('whatsapp_webhook_events').whereNull('processed_at')).to.have.length(0);
    });

    it('lets two processors drain one inbox without applying any event twice', async () => {
      for (const f of [
        'meta-text.json',
        'meta-image.json',
        'meta-document.json',
        'meta-location.json',
        'meta-batch-two-messages.json',
      ])
        await h.postFixture(f).expect(200);
      const c = h.container;
      const second = new InboxProcessor(
        testDb(),
        c.get(TYPES.InboxEvents),
        c.get(TYPES.InboundEventHandler),
        c.get(TYPES.WebhookInbox),
        c.get(TYPES.Logger),
        c.get(TYPES.Metrics),
      );
      second.options = { ...second.options, batchSize: 1 };
      await Promise.all([h.processor.drain(), second.drain(), h.processor.drain()]);
      expect(await messages()).to.have.length(6);
      expect(router.routed).to.have.length(6);
    });
  });

  describe('statuses', () => {
    it('moves an outbound message forward and keeps every report in its history', async () => {
      const id = await providerIdOf('meta-status-sent.json');
      await anOutboundMessage(h.tenantId, id, 'queued');
      await deliver('meta-status-sent.json');
      const sentBody = JSON.parse(
        (await import('../../support/fixtures')).loadFixture('meta-status-delivered.json').toString(),
      );
      sentBody.entry[0].changes[0].value.statuses[0].id = id;
      await h.postMeta(JSON.stringify(sentBody)).expect(200);
      await h.processor.drain();
      const message = await knex()('whatsapp_messages').where({ provider_message_id: id }).first();
      expect(message.status).to.equal('delivered');
      expect(message.sent_at).to.be.instanceOf(Date);
      expect(message.status_history.map((h: { status: string }) => h.status)).to.deep.equal([
        'sent',
        'delivered',
      ]);
    });

    it('ignores a late delivered after read except in the history, and a redelivered report entirely', async () => {
      const id = await providerIdOf('meta-status-read-v24.json');
      await anOutboundMessage(h.tenantId, id, 'sent');
      await deliver('meta-status-read-v24.json');
      const late = JSON.parse(
        (await import('../../support/fixtures')).loadFixture('meta-status-delivered.json').toString(),
      );
      late.entry[0].changes[0].value.statuses[0].id = id;
      await h.postMeta(JSON.stringify(late)).expect(200);
      const again = JSON.parse(
        (await import('../../support/fixtures')).loadFixture('meta-status-read-v24.json').toString(),
      );
      again.entry[0].id = 'redelivered-' + again.entry[0].id; // different bytes, same report
      await h.postMeta(JSON.stringify(again)).expect(200);
      await h.processor.drain();
      const message = await knex()('whatsapp_messages').where({ provider_message_id: id }).first();
      expect(message.status).to.equal('read');
      expect(message.status_history).to.have.length(2);
      expect(message.status_history[1]).to.include({ status: 'delivered', applied: false });
    });

    it('keeps the provider code and title of a failure', async () => {
      const id = await providerIdOf('meta-status-failed-131047.json');
      await anOutboundMessage(h.tenantId, id, 'sent');
      await deliver('meta-status-failed-131047.json');
      const message = await knex()('whatsapp_messages').where({ provider_message_id: id }).first();
      expect(message).to.include({ status: 'failed', error_code: '131047' });
      expect(message.error_title).to.match(/24 hours|Re-engagement/i);
    });

    it('parks a status for a message not yet known, and applies it when the message appears', async () => {
      await deliver('meta-status-delivered.json');
      const parked = await knex()('whatsapp_pending_statuses');
      expect(parked).to.have.length(1);
      const id = parked[0].provider_message_id;
      await anOutboundMessage(h.tenantId, id, 'sent');
      await testDb().run(() =>
        h.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate).applyParked(h.tenantId, id),
      );
      expect((await knex()('whatsapp_messages').where({ provider_message_id: id }).first()).status).to.equal(
        'delivered',
      );
      expect(await knex()('whatsapp_pending_statuses')).to.have.length(0);
    });
  });

  describe('templates and routing', () => {
    it('applies template status updates to the tenant template', async () => {
      await knex()('whatsapp_templates').insert([
        {
          tenant_id: h.tenantId,
          name: 'order_update_v2',
          language: 'es_AR',
          category: 'UTILITY',
          status: 'PENDING',
        },
        {
          tenant_id: h.tenantId,
          name: 'order_update_v2',
          language: 'en',
          category: 'UTILITY',
          status: 'PENDING',
        },
      ]);
      await deliver('meta-template-status-approved.json');
      const templates = await knex()('whatsapp_templates').orderBy('language');
      expect(templates.map((t) => [t.language, t.status, t.provider_template_id])).to.deep.equal([
        ['en', 'PENDING', null],
        ['es_AR', 'APPROVED', '1234567890123456'],
      ]);
    });

    it('keeps a delivery whose number was disconnected after it was stored, processed with a note', async () => {
      await h.postFixture('meta-text.json').expect(200);
      // The number is removed between the acknowledgement and the processing.
      await knex()('whatsapp_configurations').where({ tenant_id: h.tenantId }).delete();
      h.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
      // As a delivery for several tenants is stored: with no tenant of its own, each event is routed.
      await knex()('whatsapp_webhook_events').update({ tenant_id: null });
      await h.processor.drain();
      const event = await knex()('whatsapp_webhook_events').first();
      expect(event.processed_at).to.be.instanceOf(Date);
      expect(event.error).to.match(/^unrouted: .*106540352242922/);
      expect(await messages()).to.have.length(0);
    });

    it('answers the spec dashboard queries from what was recorded', async () => {
      await deliver('meta-text.json');
      const inbound = await knex().raw(
        `SELECT COUNT(*)::int AS n FROM whatsapp_messages WHERE direction = 'INBOUND'`,
      );
      expect(inbound.rows[0].n).to.equal(1);
    });
  });
});
