import { expect } from 'chai';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { TYPES } from '../../../src/types';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone } from '../../support/salesBuilders';

const knex = () => testDb().knex;
const fieldsOf = (res: { body: { fields?: Array<{ field: string }> } }) =>
  (res.body.fields ?? []).map((f) => f.field);
const rows = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

const KINDS = {
  buttons: {
    interactive: {
      type: 'button',
      header: 'Meeting point',
      body: 'Confirm your pick-up at 7:30?',
      footer: 'Iguazú Tours',
      buttons: [
        { id: 'confirm', title: '✅ Confirm' },
        { id: 'change', title: 'Change' },
      ],
    },
  },
  list: {
    interactive: {
      type: 'list',
      body: 'Pick a slot',
      buttonText: 'See slots',
      sections: [
        { title: 'Thursday', rows: rows(2) },
        { title: 'Friday', rows: rows(3, 'f') },
      ],
    },
  },
  ctaUrl: {
    interactive: {
      type: 'cta_url',
      body: 'Your voucher is ready',
      displayText: 'Open voucher',
      url: 'https://tours.example.com/v/BK-12',
    },
  },
  location: {
    location: { latitude: -25.6953, longitude: -54.4367, name: 'Hotel lobby', address: 'Av. Brasil 1' },
  },
  contacts: {
    contacts: [
      {
        name: { formattedName: 'Marta Guide', firstName: 'Marta' },
        phones: [{ phone: '+54 9 11 5555 0199', type: 'WORK', waId: '5491155550199' }],
      },
    ],
  },
  sticker: { sticker: { link: 'https://cdn.example.com/thanks.webp' } },
};

describe('REST: interactive messages, locations, contacts, stickers and reactions', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  async function customerWithOpenWindow(tenantId: string) {
    const phone = aCustomerPhone();
    const [row] = await knex()('whatsapp_conversations')
      .insert({ tenant_id: tenantId, customer_phone: phone, last_inbound_at: api.context.clock.now() })
      .returning('id');
    return { phone, conversationId: (row as { id: string }).id };
  }

  async function inboundMessage(tenantId: string, phone: string, providerMessageId?: string) {
    const [row] = await knex()('whatsapp_messages')
      .insert({
        tenant_id: tenantId,
        direction: 'INBOUND',
        type: 'text',
        customer_phone: phone,
        provider_message_id: providerMessageId ?? null,
        status: 'received',
        content: JSON.stringify({ text: 'Can we change the time?' }),
      })
      .returning('id');
    return (row as { id: string }).id;
  }

  it('queues each kind (202) with its type, for a number or a conversation', async () => {
    const { tenant, key } = await staff('sales');
    const { phone, conversationId } = await customerWithOpenWindow(tenant.id);
    for (const [name, body] of Object.entries(KINDS)) {
      const res = await api.post('/messages', { key, body: { to: phone, ...body } });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).to.equal(202);
      const row = await knex()('whatsapp_messages').where({ id: res.body.id }).first();
      expect(row.type).to.equal(res.body.type);
    }
    const types = (
      await knex()('whatsapp_messages').where({ tenant_id: tenant.id }).orderBy('created_at')
    ).map((r: { type: string }) => r.type);
    expect(types).to.deep.equal([
      'interactive',
      'interactive',
      'interactive',
      'location',
      'contacts',
      'sticker',
    ]);
    const viaConversation = await api.post(`/conversations/${conversationId}/messages`, {
      key,
      body: KINDS.buttons,
    });
    expect(viaConversation.status).to.equal(202);
  });

  it('queues a reaction to the customer’s message by our id, sent by its WhatsApp id', async () => {
    const { tenant, key } = await staff('sales');
    const { phone } = await customerWithOpenWindow(tenant.id);
    const target = await inboundMessage(tenant.id, phone, 'wamid.customer-asked');
    const res = await api.post('/messages', {
      key,
      body: { to: phone, reaction: { messageId: target, emoji: '👍' } },
    });
    expect(res.status).to.equal(202);
    const row = await knex()('whatsapp_messages').where({ id: res.body.id }).first();
    expect(row.content.reaction).to.deep.equal({
      messageId: target,
      emoji: '👍',
      providerMessageId: 'wamid.customer-asked',
    });
  });

  it('refuses a reaction to another customer’s message or one not on WhatsApp (422 naming the field)', async () => {
    const { tenant, key } = await staff('sales');
    const { phone } = await customerWithOpenWindow(tenant.id);
    const other = await inboundMessage(tenant.id, aCustomerPhone(), 'wamid.other');
    const unsent = await inboundMessage(tenant.id, phone);
    for (const messageId of [other, unsent, '0b9c2f6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f']) {
      const res = await api.post('/messages', {
        key,
        body: { to: phone, reaction: { messageId, emoji: '❤️' } },
      });
      expect(res.status).to.equal(422);
      expect(res.body.code).to.equal('REACTION_TARGET');
      expect(fieldsOf(res)).to.deep.equal(['reaction.messageId']);
    }
  });

  it('answers 400 naming the field for what WhatsApp would refuse', async () => {
    const { tenant, key } = await staff('sales');
    const { phone } = await customerWithOpenWindow(tenant.id);
    const post = async (body: object) => {
      const res = await api.post('/messages', { key, body: { to: phone, ...body } });
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      return fieldsOf(res);
    };
    const button = (title: string, id = title) => ({ id, title });
    const buttons = (list: object[]) => ({ interactive: { type: 'button', body: 'x', buttons: list } });
    expect(await post(buttons(['a', 'b', 'c', 'd'].map((t) => button(t))))).to.deep.equal([
      'interactive.buttons',
    ]);
    expect(await post(buttons([button('Same', '1'), button('Same', '2')]))).to.deep.equal([
      'interactive.buttons',
    ]);
    expect(await post(buttons([button('x'.repeat(21))]))).to.deep.equal(['interactive.buttons[0].title']);
    const emojiTitle = await api.post('/messages', {
      key,
      body: { to: phone, ...buttons([button('👍'.repeat(20))]) },
    });
    expect(emojiTitle.status, 'twenty emoji are twenty characters').to.equal(202);
    const list = (sections: object[]) => ({
      interactive: { type: 'list', body: 'x', buttonText: 'See', sections },
    });
    expect(
      await post(
        list([
          { title: 'A', rows: rows(6) },
          { title: 'B', rows: rows(5, 'b') },
        ]),
      ),
    ).to.deep.equal(['interactive.sections']);
    expect(await post(list([{ rows: rows(1) }, { rows: rows(1, 'b') }]))).to.deep.equal([
      'interactive.sections[0].title',
      'interactive.sections[1].title',
    ]);
    expect(
      await post({
        interactive: { type: 'cta_url', body: 'x', displayText: 'Go', url: 'https://x.example', buttons: [] },
      }),
    ).to.deep.equal(['interactive.buttons']);
    expect(await post({ location: { latitude: 91, longitude: 0 } })).to.deep.equal(['location.latitude']);
    expect(await post({ contacts: [{ name: { firstName: 'Marta' } }] })).to.deep.equal([
      'contacts.0.name.formattedName',
    ]);
    expect(
      await post({ reaction: { messageId: '0b9c2f6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f', emoji: 'ok' } }),
    ).to.deep.equal(['reaction.emoji']);
    expect(await post({ sticker: { id: '1', link: 'https://x.example/a.webp' } })).to.include('sticker');
  });

  it('answers 422 UNSUPPORTED_BY_PROVIDER naming the field a Twilio number cannot carry', async () => {
    const { tenant, key } = await staff('sales');
    await api.context.container
      .get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository)
      .save({
        tenantId: tenant.id,
        provider: 'twilio',
        phoneNumber: '+15550100777',
        credentials: { twilioAccountSid: `AC${'0'.repeat(32)}`, twilioAuthToken: 'token' },
        settings: {},
      });
    api.context.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
    const { phone } = await customerWithOpenWindow(tenant.id);
    const expected: Record<string, string> = {
      buttons: 'interactive',
      list: 'interactive',
      ctaUrl: 'interactive',
      location: 'location',
      contacts: 'contacts',
      sticker: 'sticker',
    };
    for (const [name, body] of Object.entries(KINDS)) {
      const res = await api.post('/messages', { key, body: { to: phone, ...body } });
      expect(res.status, name).to.equal(422);
      expect(res.body.code).to.equal('UNSUPPORTED_BY_PROVIDER');
      expect(fieldsOf(res)).to.deep.equal([expected[name]]);
    }
    const text = await api.post('/messages', { key, body: { to: phone, text: 'Pick-up at 7:30' } });
    expect(text.status).to.equal(202);
  });
});
