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
