import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone } from '../../support/salesBuilders';

const HOUR = 60 * 60 * 1000;

describe('REST: sending messages', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  /** A customer who last wrote `hoursAgo` before the test clock's now. */
  async function aCustomer(tenantId: string, hoursAgo: number) {
    const phone = aCustomerPhone();
    const [row] = await testDb()
      .knex('whatsapp_conversations')
      .insert({
        tenant_id: tenantId,
        customer_phone: phone,
        last_inbound_at: new Date(api.context.clock.now().getTime() - hoursAgo * HOUR),
      })
      .returning('id');
    return { phone, conversationId: (row as { id: string }).id };
  }

  it('queues free text inside the window (202), audited without the text', async () => {
    const { tenant, key } = await staff('sales');
    const { phone } = await aCustomer(tenant.id, 1);
    const res = await api.post('/messages', { key, body: { to: phone.replace('+', ''), text: 'Hello!' } });
    expect(res.status).to.equal(202);
    expect(res.body).to.include({ to: phone, type: 'text', status: 'queued' });
    const row = await testDb().knex('whatsapp_messages').where({ id: res.body.id }).first();
    expect(row).to.include({ direction: 'OUTBOUND', status: 'queued', tenant_id: tenant.id });
    const audits = await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id });
    expect(audits, 'one entry, written by the use case').to.have.length(1);
    const [audit] = audits;
    expect(audit).to.include({ action: 'MESSAGE_QUEUED', entity_id: res.body.id });
    expect(JSON.stringify(audit.details)).not.to.include('Hello');
    const shown = await api.get(`/messages/${res.body.id}`, { key });
    expect(shown.body.status).to.equal('queued');
  });

  it('refuses free text outside the window (422 WINDOW_CLOSED) and an opted-out customer (409 OPTED_OUT)', async () => {
    const { tenant, key } = await staff('sales');
    const { phone } = await aCustomer(tenant.id, 30);
    const closed = await api.post('/messages', { key, body: { to: phone, text: 'Hi' } });
    expect(closed.status).to.equal(422);
    expect(closed.body.code).to.equal('WINDOW_CLOSED');
    const open = await aCustomer(tenant.id, 1);
    await api.delete(`/opt-ins/${encodeURIComponent(open.phone)}`, { key });
    const out = await api.post('/messages', { key, body: { to: open.phone, text: 'Hi' } });
    expect(out.status).to.equal(409);
    expect(out.body.code).to.equal('OPTED_OUT');
  });

  it('sends to a conversation’s customer, and 404s another tenant’s conversation', async () => {
    const { tenant, key } = await staff('operations');
    const { conversationId, phone } = await aCustomer(tenant.id, 2);
    const res = await api.post(`/conversations/${conversationId}/messages`, {
      key,
      body: { text: 'On our way' },
    });
    expect(res.status).to.equal(202);
    expect(res.body.to).to.equal(phone);
    const other = await staff('operations');
    const foreign = await api.post(`/conversations/${conversationId}/messages`, {
      key: other.key,
      body: { text: 'x' },
    });
    expect(foreign.status).to.equal(404);
  });

  it('validates the body: exactly one kind, a recipient, media by id or link', async () => {
    const { key } = await staff('sales');
    const both = await api.post('/messages', {
      key,
      body: { to: '+14155550100', text: 'x', template: { name: 't', params: [] } },
    });
    expect(both.status).to.equal(400);
    const none = await api.post('/messages', { key, body: {} });
    expect(none.body.fields.map((f: { field: string }) => f.field)).to.include('to');
    const media = await api.post('/messages', {
      key,
      body: { to: '+14155550100', media: { type: 'image' } },
    });
    expect(media.status).to.equal(400);
    const phone = await api.post('/messages', { key, body: { to: 'nobody', text: 'x' } });
    expect(phone.body.fields[0].field).to.equal('to');
  });

  describe('template header and button values', () => {
    const components = [
      { type: 'HEADER', format: 'TEXT', text: 'Trip {{1}}', example: { header_text: ['TRP1'] } },
      { type: 'BODY', text: 'Hi {{1}}, your booking is confirmed.' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Confirm' },
          { type: 'URL', text: 'Pay', url: 'https://pay.example.com/{{1}}', example: ['BK-1'] },
        ],
      },
    ];
    const ticket = {
      name: 'trip_ticket',
      params: ['Ana'],
      header: { type: 'text', text: 'TRP1' },
      buttons: [
        { index: 0, type: 'quick_reply', payload: 'CONFIRM' },
        { index: 1, type: 'url', text: 'BK-1' },
      ],
    };

    async function tenantWithTicket() {
      const { tenant, key } = await staff('sales');
      await testDb()
        .knex('whatsapp_templates')
        .insert({
          tenant_id: tenant.id,
          name: 'trip_ticket',
          language: 'en',
          category: 'UTILITY',
          status: 'APPROVED',
          components: JSON.stringify(components),
        });
      return { tenant, key };
    }

    it('queues a template with its header and buttons (202), stored as sent', async () => {
      const { key } = await tenantWithTicket();
      const res = await api.post('/messages', { key, body: { to: '+14155550123', template: ticket } });
      expect(res.status, JSON.stringify(res.body)).to.equal(202);
      const row = await testDb().knex('whatsapp_messages').where({ id: res.body.id }).first();
      expect(row.content.template).to.deep.equal(ticket);
    });

    it('answers 422 TEMPLATE_PARAMS naming each field that does not fit the stored template', async () => {
      const { key } = await tenantWithTicket();
      const post = (template: object) =>
        api.post('/messages', { key, body: { to: '+14155550123', template: { ...ticket, ...template } } });
      const fields = (res: { body: { fields?: Array<{ field: string }> } }) =>
        (res.body.fields ?? []).map((f) => f.field);

      const noHeader = await post({ header: undefined });
      expect(noHeader.status).to.equal(422);
      expect(noHeader.body).to.include({ code: 'TEMPLATE_PARAMS' });
      expect(noHeader.body.fields).to.deep.equal([
        { field: 'template.header', message: 'the header takes a text' },
      ]);
      expect(
        fields(await post({ header: { type: 'image', link: 'https://example.com/a.jpg' } })),
      ).to.deep.equal(['template.header.type']);
      expect(
        fields(await post({ buttons: [{ index: 0, type: 'quick_reply', payload: 'X' }] })),
      ).to.deep.equal(['template.buttons']);
      expect(fields(await post({ buttons: [{ index: 0, type: 'url', text: 'BK-1' }] }))).to.deep.equal([
        'template.buttons[0].type',
        'template.buttons',
      ]);
      const wrong = await post({
        params: [],
        buttons: [...ticket.buttons, { index: 4, type: 'url', text: 'x' }],
      });
      expect(fields(wrong)).to.deep.equal(['template.params', 'template.buttons[2].index']);
      expect(wrong.body.detail).to.contain('template.params: the body takes 1 parameters, 0 given');
    });

    it('answers 422 TEMPLATE_PARAMS naming each value with a new line, a tab or five spaces in a row (WhatsApp 132018), and queues nothing', async () => {
      const { tenant, key } = await tenantWithTicket();
      const post = (template: object) =>
        api.post('/messages', { key, body: { to: '+14155550123', template: { ...ticket, ...template } } });

      for (const text of ['Ana\nMaría', 'Ana\tMaría', 'Ana     María', 'Ana\r\n']) {
        const res = await post({ params: [text] });
        expect(res.status, JSON.stringify(text)).to.equal(422);
        expect(res.body.code).to.equal('TEMPLATE_PARAMS');
        expect(res.body.fields).to.deep.equal([
          {
            field: 'template.params[0]',
            message:
              'must not contain a new line, a tab or more than four spaces in a row (WhatsApp error 132018)',
          },
        ]);
      }
      const header = await post({ header: { type: 'text', text: 'TRP\n1' } });
      expect(header.body.fields.map((f: { field: string }) => f.field)).to.deep.equal([
        'template.header.text',
      ]);
      const button = await post({ buttons: [ticket.buttons[0], { index: 1, type: 'url', text: 'BK\t1' }] });
      expect(button.body.fields.map((f: { field: string }) => f.field)).to.deep.equal([
        'template.buttons[1].text',
      ]);
      expect((await post({ params: ['Ana    María'] })).status, 'four spaces are allowed').to.equal(202);
      const queued = await testDb().knex('whatsapp_messages').where({ tenant_id: tenant.id });
      expect(queued).to.have.length(1);
    });

    it('answers 400 naming the link for media at a private, loopback or link-local address', async () => {
      const { key } = await tenantWithTicket();
      const links = [
        'http://127.0.0.1/a.jpg',
        'http://localhost:8080/a.jpg',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.5/a.jpg',
        'http://[::1]/a.jpg',
        'http://[::ffff:127.0.0.1]/a.jpg',
        'http://0x7f000001/a.jpg',
      ];
      for (const link of links) {
        const media = await api.post('/messages', {
          key,
          body: { to: '+14155550123', media: { type: 'image', link } },
        });
        expect(media.status, link).to.equal(400);
        expect(media.body.fields.map((f: { field: string }) => f.field)).to.deep.equal(['media.link']);
        const header = await api.post('/messages', {
          key,
          body: { to: '+14155550123', template: { ...ticket, header: { type: 'image', link } } },
        });
        expect(header.status, link).to.equal(400);
        expect(header.body.fields.map((f: { field: string }) => f.field)).to.deep.equal([
          'template.header.link',
        ]);
      }
      const fine = await api.post('/messages', {
        key,
        body: { to: '+14155550123', media: { type: 'image', link: 'https://cdn.example.com/a.jpg' } },
      });
      expect(fine.status).to.not.equal(400);
    });

    it('answers 400 for a malformed header or button, naming the field', async () => {
      const { key } = await tenantWithTicket();
      const post = (template: object) =>
        api.post('/messages', { key, body: { to: '+14155550123', template: { ...ticket, ...template } } });
      const fields = async (template: object) => {
        const res = await post(template);
        expect(res.status).to.equal(400);
        return res.body.fields.map((f: { field: string }) => f.field);
      };
      expect(await fields({ header: { type: 'text' } })).to.deep.equal(['template.header.text']);
      expect(await fields({ header: { type: 'image' } })).to.deep.equal(['template.header']);
      expect(await fields({ header: { type: 'audio', link: 'https://example.com/a.ogg' } })).to.deep.equal([
        'template.header.type',
      ]);
      expect(await fields({ buttons: [{ index: 0, type: 'quick_reply', text: 'x' }] })).to.include(
        'template.buttons.0.payload',
      );
      expect(await fields({ buttons: [{ index: -1, type: 'url', text: 'x' }] })).to.deep.equal([
        'template.buttons.0.index',
      ]);
    });

    it('answers 422 MEDIA_NOT_FOUND for a header media id in our format that is not an upload', async () => {
      const { tenant, key } = await staff('sales');
      await testDb()
        .knex('whatsapp_templates')
        .insert({
          tenant_id: tenant.id,
          name: 'ticket_document',
          language: 'en',
          category: 'UTILITY',
          status: 'APPROVED',
          components: JSON.stringify([
            { type: 'HEADER', format: 'DOCUMENT' },
            { type: 'BODY', text: 'Your ticket.' },
          ]),
        });
      const res = await api.post('/messages', {
        key,
        body: {
          to: '+14155550123',
          template: {
            name: 'ticket_document',
            header: { type: 'document', id: '0b6f8d3e-3c1e-4b8e-9a57-5f4f6b1c2d3e' },
          },
        },
      });
      expect(res.status).to.equal(422);
      expect(res.body).to.include({ code: 'MEDIA_NOT_FOUND', field: 'template.header.id' });
    });
  });

  it('retries a failed message (202) but not a queued one (409); 404 across tenants; 403 to field staff', async () => {
    const { tenant, key } = await staff('sales');
    const { phone } = await aCustomer(tenant.id, 1);
    const sent = await api.post('/messages', { key, body: { to: phone, text: 'Hello' } });
    expect((await api.post(`/messages/${sent.body.id}/retry`, { key })).status).to.equal(409);
    await testDb()
      .knex('whatsapp_messages')
      .where({ id: sent.body.id })
      .update({ status: 'failed', error_code: '131026' });
    const retried = await api.post(`/messages/${sent.body.id}/retry`, { key });
    expect(retried.status).to.equal(202);
    expect(retried.body).to.include({ id: sent.body.id, status: 'queued' });
    expect(
      (await api.post(`/messages/${sent.body.id}/retry`, { key: (await staff('sales')).key })).status,
    ).to.equal(404);
    const guide = await staff('field_staff', tenant);
    expect((await api.post('/messages', { key: guide.key, body: { to: phone, text: 'x' } })).status).to.equal(
      403,
    );
  });
});
