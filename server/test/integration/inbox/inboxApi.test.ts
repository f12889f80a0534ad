import { expect } from 'chai';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { TYPES } from '../../../src/types';
import { ApiClient } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { waitFor } from '../../support/process/waitFor';
import { metaDelivery, say } from '../../support/whatsappConversation';

const CUSTOMER = '+5491155550777';

describe('inbox API (SPEC §19)', () => {
  let fake: FakeProviderServer;
  let h: InboundHarness;
  let api: ApiClient;
  let key: string;
  let repId: string;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add('EAAG-fixture');
    h = await inboundHarness({ WHATSAPP_API_BASE_URL: fake.url });
    h.clock.set(new Date());
    api = new ApiClient(h);
    const tenant = { id: h.tenantId } as Parameters<typeof aUser>[0];
    key = (await aUser(tenant, { role: 'operations' })).apiKey;
    repId = (await aUser(tenant, { role: 'sales' })).id;
    // Automatic receipts off: what reaches the provider below is staff's doing.
    const configs = h.container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository);
    const [meta] = (await configs.findByTenant(h.tenantId)).filter((c) => c.provider === 'meta');
    await configs.save({ ...meta, settings: { markAsRead: false } });
    h.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
  });
  afterEach(() => fake.close());

  const conversationOf = async () =>
    (await api.get('/conversations', { key, query: { phone: CUSTOMER } })).body.data[0];

  it('answers a customer in the language detected, and assigns the conversation to the lead’s rep', async () => {
    const [reply] = await say(h, CUSTOMER, 'Olá! Somos 4 pessoas, gostaria de um passeio em março', {
      name: 'Ana',
    });
    expect(reply).to.match(/^Obrigado pela sua mensagem! Sua consulta é LD-\d+/);
    const conversation = await conversationOf();
    expect(conversation).to.include({ assignedTo: repId, unreadCount: 1, status: 'open' });
    expect(conversation.lastMessage).to.include({ direction: 'OUTBOUND', status: 'queued' });
    const contact = (await api.get(`/contacts/${CUSTOMER.slice(1)}`, { key })).body;
    expect(contact).to.deep.include({
      phone: CUSTOMER,
      name: 'Ana',
      language: 'pt',
      languageSource: 'detected',
    });
    expect(contact.counts).to.deep.equal({ conversations: 1, leads: 1, bookings: 0 });
    const types = (await testDb().knex('events').where({ tenant_id: h.tenantId }).orderBy('id')).map(
      (e) => e.type,
    );
    expect(types).to.include.members(['message.received', 'lead.created', 'conversation.updated']);
  });

  it('a language set by staff wins over detection', async () => {
    await say(h, CUSTOMER, 'Hello, we are 2 people');
    const patched = await api.patch(`/contacts/${CUSTOMER}`, {
      key,
      body: { language: 'es', tags: ['vip'] },
    });
    expect(patched.body).to.include({ language: 'es', languageSource: 'staff' });
    const [reply] = await say(h, CUSTOMER, 'STOP');
    expect(reply).to.match(/^No recibirás más mensajes/);
  });

  it('searches by name, phone and message text; filters unread; reads, types, archives, reopens', async () => {
    await say(h, CUSTOMER, 'Do you have a kayak tour in December?', { name: 'Bruno Díaz' });
    await say(h, '+5491155550888', 'Hello, 2 people for Iguazu', { name: 'Carla' });
    const ids = async (query: Record<string, unknown>) =>
      (await api.get('/conversations', { key, query })).body.data.map(
        (c: { customerPhone: string }) => c.customerPhone,
      );
    expect(await ids({ q: 'kayak' })).to.deep.equal([CUSTOMER]);
    expect(await ids({ q: 'bruno' })).to.deep.equal([CUSTOMER]);
    expect(await ids({ q: '550888' })).to.deep.equal(['+5491155550888']);
    expect(await ids({ q: '100%_' })).to.deep.equal([]);
    expect(await ids({ unread: true })).to.have.members([CUSTOMER, '+5491155550888']);

    const { id } = await conversationOf();
    const wamid = (
      await testDb().knex('whatsapp_messages').where({ conversation_id: id, direction: 'INBOUND' }).first()
    ).provider_message_id as string;
    const read = await api.patch(`/conversations/${id}`, { key, body: { read: true } });
    expect(read.body.unreadCount).to.equal(0);
    await waitFor('the read receipt', () => fake.outbound.reads.includes(wamid));
    expect(await ids({ unread: true })).to.deep.equal(['+5491155550888']);

    const typing = await api.post(`/conversations/${id}/typing`, { key });
    expect(typing.status).to.equal(202);
    expect(typing.body).to.deep.equal({ shown: true });
    expect(fake.outbound.typing).to.deep.equal([wamid]);

    expect(
      (await api.patch(`/conversations/${id}`, { key, body: { status: 'archived' } })).body.status,
    ).to.equal('archived');
    expect(await ids({ status: 'archived' })).to.deep.equal([CUSTOMER]);
    expect((await api.patch(`/conversations/${id}`, { key, body: { status: 'spam' } })).body.status).to.equal(
      'spam',
    );
    expect((await api.patch(`/conversations/${id}`, { key, body: { status: 'open' } })).body.status).to.equal(
      'open',
    );
    const updates = await testDb()
      .knex('events')
      .where({ tenant_id: h.tenantId, type: 'conversation.updated' })
      .orderBy('id');
    expect(updates.map((e: { data: { status: string } }) => e.data.status).slice(-3)).to.deep.equal([
      'archived',
      'spam',
      'open',
    ]);
    await api.patch(`/conversations/${id}`, { key, body: { status: 'closed' } });
    await h.postMeta(metaDelivery(CUSTOMER, 'one more thing')).expect(200);
    await h.processor.drain();
    const reopen = await api.patch(`/conversations/${id}`, { key, body: { status: 'open' } });
    expect(reopen.status).to.equal(409);
    expect(reopen.body.code).to.equal('CONVERSATION_ALREADY_OPEN');
  });

  it('takes staff notes on a timeline and lists every message, staff alerts included', async () => {
    await say(h, CUSTOMER, 'Hi, 3 people for the glacier trek');
    const { id } = await conversationOf();
    const note = await api.post('/timeline/notes', {
      key,
      body: { entityType: 'conversation', entityId: id, text: 'Called back, prefers mornings' },
    });
    expect(note.status).to.equal(201);
    expect(note.body).to.include({ eventType: 'NOTE', source: 'WEB' });
    expect(note.body.content).to.deep.equal({ text: 'Called back, prefers mornings' });
    const missing = await api.post('/timeline/notes', {
      key,
      body: { entityType: 'trip', entityId: id, text: 'x' },
    });
    expect(missing.status).to.equal(404);

    const all = (await api.get('/messages', { key })).body.data as Array<{
      direction: string;
      conversationId: string | null;
    }>;
    expect(all.some((m) => m.conversationId === null && m.direction === 'OUTBOUND')).to.equal(true); // the rep's alert
    const inbound = await api.get('/messages', {
      key,
      query: { phone: CUSTOMER, direction: 'INBOUND', limit: 1 },
    });
    expect(inbound.body.data).to.have.length(1);
    expect(inbound.body.nextCursor).to.equal(null);
    const contacts = await api.get('/contacts', { key, query: { q: CUSTOMER.slice(-6) } });
    expect(contacts.body.data.map((c: { phone: string }) => c.phone)).to.deep.equal([CUSTOMER]);
  });
});
