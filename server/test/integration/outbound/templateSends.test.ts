import { expect } from 'chai';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type {
  SendStaffMessage,
  StaffMessage,
} from '../../../src/modules/message/application/SendStaffMessage';
import type { ProviderName } from '../../../src/shared/providers';
import { TYPES } from '../../../src/types';
import { ApiClient } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import { aStoredTemplate, CUSTOMER, message } from './outboundKit';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const TRIP_TICKET = [
  { type: 'HEADER', format: 'TEXT', text: 'Trip {{1}}', example: { header_text: ['TRP1'] } },
  { type: 'BODY', text: 'Hi {{1}}, your booking {{2}} is confirmed.' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Confirm' },
      { type: 'URL', text: 'Pay', url: 'https://pay.example.com/{{1}}', example: ['BK-1'] },
    ],
  },
];
const TICKET_DOCUMENT = [
  { type: 'HEADER', format: 'DOCUMENT' },
  { type: 'BODY', text: 'Your ticket for {{1}} is attached.' },
];
const ticketCall: StaffMessage['template'] = {
  name: 'trip_ticket',
  params: ['Ana', 'BK-1'],
  header: { type: 'text', text: 'TRP1' },
  buttons: [
    { index: 1, type: 'url', text: 'BK-1?t=abc' },
    { index: 0, type: 'quick_reply', payload: 'CONFIRM_BK-1' },
  ],
};
const TICKET_COMPONENTS = [
  { type: 'header', parameters: [{ type: 'text', text: 'TRP1' }] },
  {
    type: 'body',
    parameters: [
      { type: 'text', text: 'Ana' },
      { type: 'text', text: 'BK-1' },
    ],
  },
  {
    type: 'button',
    sub_type: 'quick_reply',
    index: '0',
    parameters: [{ type: 'payload', payload: 'CONFIRM_BK-1' }],
  },
  { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'BK-1?t=abc' }] },
];

async function kitFor(fake: FakeProviderServer, provider: ProviderName) {
  const kit = await dispatcherKit(fake, {}, provider);
  const user = await aUser({ id: kit.tenantId } as Tenant, { role: 'sales' });
  const sales: Actor = { tenantId: kit.tenantId, role: 'sales', userId: user.id, source: 'WEB' };
  const send = (template: StaffMessage['template']) =>
    kit.container.get<SendStaffMessage>(TYPES.SendStaffMessage).execute(sales, { to: CUSTOMER, template });
  return { kit, send, key: user.apiKey };
}

for (const provider of ['meta', '360dialog'] as const)
  describe(`template sends with header and button values through the dispatcher (${provider})`, () => {
    let fake: FakeProviderServer;
    let kit: DispatcherKit;
    let send: (template: StaffMessage['template']) => Promise<{ id: string }>;
    let key: string;

    beforeEach(async () => {
      fake = await FakeProviderServer.start();
      ({ kit, send, key } = await kitFor(fake, provider));
    });
    afterEach(() => fake.close());

    it('sends the Cloud API components: text header, body, buttons by index with their sub_type', async () => {
      await aStoredTemplate(kit.tenantId, { name: 'trip_ticket', components: TRIP_TICKET });
      const queued = await send(ticketCall);
      expect(await kit.dispatcher.drain()).to.equal(1);
      expect(fake.outbound.sent).to.have.length(1);
      expect(fake.outbound.sent[0].provider).to.equal(provider);
      expect(fake.outbound.sent[0].body).to.deep.equal({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: CUSTOMER,
        biz_opaque_callback_data: queued.id,
        type: 'template',
        template: { name: 'trip_ticket', language: { code: 'en' }, components: TICKET_COMPONENTS },
      });
      expect(await message(queued.id)).to.include({ status: 'sent' });
    });

    it('uploads a document header sent by our media id and sends it by the provider’s id', async () => {
      await aStoredTemplate(kit.tenantId, { name: 'ticket_document', components: TICKET_DOCUMENT });
      const api = new ApiClient(kit);
      const up = await api.post('/media', {
        key,
        headers: { 'content-type': 'application/pdf' },
        query: { filename: 'ticket.pdf' },
        body: PDF,
      });
      expect(up.status).to.equal(201);
      await send({ name: 'ticket_document', params: ['TRP1'], header: { type: 'document', id: up.body.id } });
      await kit.dispatcher.drain();
      expect(fake.outbound.uploads).to.have.length(1);
      const [uploaded] = fake.outbound.uploads;
      expect(uploaded.file.bytes.equals(PDF)).to.equal(true);
      expect(fake.outbound.sent[0].body.template).to.deep.equal({
        name: 'ticket_document',
        language: { code: 'en' },
        components: [
          {
            type: 'header',
            parameters: [{ type: 'document', document: { id: uploaded.mediaId, filename: 'ticket.pdf' } }],
          },
          { type: 'body', parameters: [{ type: 'text', text: 'TRP1' }] },
        ],
      });
    });

    it('sends a media header by link', async () => {
      await aStoredTemplate(kit.tenantId, {
        name: 'trip_photo',
        components: [
          { type: 'HEADER', format: 'IMAGE' },
          { type: 'BODY', text: 'The view from the pass.' },
        ],
      });
      await send({
        name: 'trip_photo',
        params: [],
        header: { type: 'image', link: 'https://cdn.example.com/pass.jpg' },
      });
      await kit.dispatcher.drain();
      expect(fake.outbound.sent[0].body.template).to.deep.equal({
        name: 'trip_photo',
        language: { code: 'en' },
        components: [
          {
            type: 'header',
            parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/pass.jpg' } }],
          },
        ],
      });
      expect(fake.outbound.uploads).to.have.length(0);
    });

    it('still sends a row queued with body params only (the stored shape before header and buttons)', async () => {
      await aStoredTemplate(kit.tenantId, {
        name: 'quote_ready',
        components: [{ type: 'BODY', text: 'Hi {{1}}, your quote {{2}} is ready.' }],
      });
      const id = await kit.queue({
        purpose: 'manual',
        template: { name: 'quote_ready', params: ['Ana', 'Q-1'] },
      });
      await kit.dispatcher.drain();
      expect(await message(id)).to.include({ status: 'sent' });
      expect(fake.outbound.sent[0].body.template).to.deep.equal({
        name: 'quote_ready',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'Q-1' },
            ],
          },
        ],
      });
    });

    it('refuses at send time a queued template whose values do not fit, naming the field, before the provider', async () => {
      await aStoredTemplate(kit.tenantId, { name: 'trip_ticket', components: TRIP_TICKET });
      const id = await kit.queue({
        purpose: 'manual',
        template: {
          name: 'trip_ticket',
          params: ['Ana', 'BK-1'],
          buttons: [{ index: 1, type: 'url', text: 'BK-1' }],
        },
      });
      await kit.dispatcher.drain();
      const row = await message(id);
      expect(row).to.include({ status: 'failed', error_code: 'TEMPLATE_PARAMS' });
      expect(row.error_title).to.equal('Template trip_ticket (en): template.header: the header takes a text');
      expect(fake.outbound.sent).to.have.length(0);
    });
  });

describe('template sends with header and button values through the dispatcher (twilio)', () => {
  let fake: FakeProviderServer;
  afterEach(() => fake.close());

  it('numbers ContentVariables body first, then the header, then buttons by index', async () => {
    fake = await FakeProviderServer.start();
    const { kit, send } = await kitFor(fake, 'twilio');
    await aStoredTemplate(kit.tenantId, {
      name: 'trip_ticket',
      components: TRIP_TICKET,
      providerTemplateId: 'HX56815a1f316b3304d7e20520be1c4370',
    });
    const queued = await send(ticketCall);
    await kit.dispatcher.drain();
    expect(await message(queued.id)).to.include({ status: 'sent' });
    const { StatusCallback: _callback, ...form } = fake.outbound.sent[0].body;
    expect(form).to.deep.equal({
      From: 'whatsapp:+15550100299',
      To: `whatsapp:${CUSTOMER}`,
      ContentSid: 'HX56815a1f316b3304d7e20520be1c4370',
      ContentVariables: JSON.stringify({
        1: 'Ana',
        2: 'BK-1',
        3: 'TRP1',
        4: 'CONFIRM_BK-1',
        5: 'BK-1?t=abc',
      }),
    });
  });
});
