import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone, aConversation } from '../../support/salesBuilders';

async function aMessage(
  tenantId: string,
  conversationId: string,
  direction: 'INBOUND' | 'OUTBOUND',
  text: string,
  /** Given apart when the order matters: the clock may give two quick inserts the same time. */
  at?: Date,
) {
  const [row] = await testDb()
    .knex('whatsapp_messages')
    .insert({
      tenant_id: tenantId,
      conversation_id: conversationId,
      direction,
      type: 'text',
      content: JSON.stringify({ text }),
      status: direction === 'INBOUND' ? 'received' : 'queued',
      ...(at && { created_at: at }),
    })
    .returning('id');
  return (row as { id: string }).id;
}

describe('REST: conversations, opt-ins, timeline and audit log', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('conversations', () => {
    it('lists conversations with their window, filters by phone, pages their messages', async () => {
      const { tenant, key } = await staff('sales');
      const phone = aCustomerPhone();
      const id = await aConversation(tenant, phone);
      await aConversation(tenant, aCustomerPhone());
      await aConversation((await staff('sales')).tenant, phone);
      const list = await api.get('/conversations', { key });
      expect(list.status).to.equal(200);
      expect(list.body.data).to.have.length(2);
      const one = await api.get('/conversations', { key, query: { phone: phone.replace('+', '') } });
      expect(one.body.data.map((c: { id: string }) => c.id)).to.deep.equal([id]);
      expect(one.body.data[0].windowOpen).to.equal(true);
      expect(one.body.data[0].windowExpiresAt).to.be.a('string');
      const start = Date.now() - 60_000;
      for (const [n, text] of ['hi', 'hello', 'anyone?'].entries())
        await aMessage(tenant.id, id, 'INBOUND', text, new Date(start + n * 1000));
      const page = await api.get(`/conversations/${id}/messages`, { key, query: { limit: 2 } });
      expect(page.body.data.map((m: { content: { text: string } }) => m.content.text)).to.deep.equal([
        'anyone?',
        'hello',
      ]);
      const rest = await api.get(`/conversations/${id}/messages`, {
        key,
        query: { cursor: page.body.nextCursor },
      });
      expect(rest.body.data.map((m: { content: { text: string } }) => m.content.text)).to.deep.equal(['hi']);
    });

    it('assigns, marks read and closes a conversation; audited', async () => {
      const { tenant, key } = await staff('operations');
      const rep = await staff('sales', tenant);
      const id = await aConversation(tenant, aCustomerPhone());
      const res = await api.patch(`/conversations/${id}`, {
        key,
        body: { assignedTo: rep.user.id, read: true },
      });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ assignedTo: rep.user.id, unreadCount: 0 });
      const closed = await api.patch(`/conversations/${id}`, {
        key,
        body: { status: 'closed', assignedTo: null },
      });
      expect(closed.body).to.include({ status: 'closed', assignedTo: null });
      expect((await api.patch(`/conversations/${id}`, { key, body: { status: 'closed' } })).status).to.equal(
        422,
      );
      const audits = await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id });
      expect(audits.map((a: { action: string }) => a.action)).to.deep.equal([
        'CONVERSATION_UPDATED',
        'CONVERSATION_UPDATED',
      ]);
    });

    it('filters by assignee: a user’s conversations, or nobody’s (`none`)', async () => {
      const { tenant, key, user } = await staff('sales');
      const rep = await staff('sales', tenant);
      const mine = await aConversation(tenant, aCustomerPhone());
      const theirs = await aConversation(tenant, aCustomerPhone());
      const nobodys = await aConversation(tenant, aCustomerPhone());
      await api.patch(`/conversations/${mine}`, { key, body: { assignedTo: user.id } });
      await api.patch(`/conversations/${theirs}`, { key, body: { assignedTo: rep.user.id } });
      const ids = async (assignedTo: string) =>
        (await api.get('/conversations', { key, query: { assignedTo } })).body.data.map(
          (c: { id: string }) => c.id,
        );
      expect(await ids(user.id)).to.deep.equal([mine]);
      expect(await ids('none')).to.deep.equal([nobodys]);
      const bad = await api.get('/conversations', { key, query: { assignedTo: 'nobody' } });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields[0].field).to.equal('assignedTo');
    });

    it('answers 400 for a bad assignee or id, 404 across tenants, 403 to field staff', async () => {
      const { tenant, key } = await staff('sales');
      const guide = await staff('field_staff', tenant);
      const id = await aConversation(tenant, aCustomerPhone());
      const bad = await api.patch(`/conversations/${id}`, { key, body: { assignedTo: guide.user.id } });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields[0].field).to.equal('assignedTo');
      expect((await api.get('/conversations/42', { key })).status).to.equal(400);
      const other = await staff('sales');
      expect((await api.get(`/conversations/${id}`, { key: other.key })).status).to.equal(404);
      expect((await api.get(`/conversations/${id}/messages`, { key: other.key })).status).to.equal(404);
      expect(
        (await api.patch(`/conversations/${id}`, { key: other.key, body: { read: true } })).status,
      ).to.equal(404);
      expect((await api.get('/conversations', { key: guide.key })).status).to.equal(403);
    });
  });

  describe('GET /messages/:id', () => {
    it('shows a message’s status, error and attempts; 404 across tenants; 403 to field staff', async () => {
      const { tenant, key } = await staff('sales');
      const conversation = await aConversation(tenant, aCustomerPhone());
      const id = await aMessage(tenant.id, conversation, 'OUTBOUND', 'your quote');
      await testDb().knex('whatsapp_messages').where({ id }).update({
        status: 'failed',
        error_code: '131047',
        error_title: 'Re-engagement message',
        attempts: 1,
      });
      const res = await api.get(`/messages/${id}`, { key });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({
        status: 'failed',
        errorCode: '131047',
        attempts: 1,
        conversationId: conversation,
      });
      expect((await api.get(`/messages/${id}`, { key: (await staff('sales')).key })).status).to.equal(404);
      expect(
        (await api.get(`/messages/${id}`, { key: (await staff('field_staff', tenant)).key })).status,
      ).to.equal(403);
      expect((await api.get('/messages/x', { key })).status).to.equal(400);
    });
  });

  describe('opt-ins', () => {
    it('records an opt-in and an opt-out in any phone format, and finds it by phone', async () => {
      const { tenant, key } = await staff('sales');
      const created = await api.post('/opt-ins', {
        key,
        body: { phone: '+54 9 11 5555-1234', source: 'web_form' },
      });
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ phone: '+5491155551234', status: 'opted_in', source: 'web_form' });
      const out = await api.delete(`/opt-ins/${encodeURIComponent('5491155551234')}`, { key });
      expect(out.status).to.equal(200);
      expect(out.body.status).to.equal('opted_out');
      const found = await api.get('/opt-ins', { key, query: { phone: '+5491155551234' } });
      expect(found.body.data.map((o: { status: string }) => o.status)).to.deep.equal(['opted_out']);
      const actions = (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id })).map(
        (a: { action: string }) => a.action,
      );
      expect(actions.sort()).to.deep.equal(['OPTED_IN', 'OPTED_OUT']);
    });

    it('pages consent records; 400 on a bad phone; 403 to field staff; other tenants see nothing', async () => {
      const { tenant, key } = await staff('operations');
      for (const phone of ['+14155550101', '+14155550102', '+14155550103'])
        await api.post('/opt-ins', { key, body: { phone, source: 'import' } });
      const first = await api.get('/opt-ins', { key, query: { limit: 2 } });
      const second = await api.get('/opt-ins', { key, query: { limit: 2, cursor: first.body.nextCursor } });
      expect(
        [...first.body.data, ...second.body.data].map((o: { phone: string }) => o.phone).sort(),
      ).to.deep.equal(['+14155550101', '+14155550102', '+14155550103']);
      const bad = await api.post('/opt-ins', { key, body: { phone: 'nope', source: 'x' } });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields[0].field).to.equal('phone');
      expect((await api.get('/opt-ins', { key: (await staff('field_staff', tenant)).key })).status).to.equal(
        403,
      );
      expect((await api.get('/opt-ins', { key: (await staff('sales')).key })).body.data).to.deep.equal([]);
    });
  });

  describe('timeline and audit log', () => {
    it('shows an entity’s timeline, 404s another tenant’s, 403s a role that may not read it', async () => {
      const { tenant, key } = await staff('operations');
      const created = await api.post('/trips', {
        key,
        body: { code: 'TRP5', name: 'Lagoon', departureDate: '2026-03-01' },
      });
      const timeline = await api.get('/timeline', {
        key,
        query: { entityType: 'trip', entityId: created.body.id },
      });
      expect(timeline.status).to.equal(200);
      expect(timeline.body.data.map((e: { content: { action: string } }) => e.content.action)).to.deep.equal([
        'TRIP_CREATED',
      ]);
      const other = await staff('operations');
      const query = { entityType: 'trip', entityId: created.body.id };
      expect((await api.get('/timeline', { key: other.key, query })).status).to.equal(404);
      const sales = await staff('sales', tenant);
      expect((await api.get('/timeline', { key: sales.key, query })).status).to.equal(403);
      const guide = await staff('field_staff', tenant);
      expect((await api.get('/timeline', { key: guide.key, query })).status).to.equal(403);
      const bad = await api.get('/timeline', { key, query: { entityType: 'planet' } });
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members([
        'entityType',
        'entityId',
      ]);
    });

    it('lets a manager filter the audit log; refuses others', async () => {
      const { tenant, key } = await staff('manager');
      const ops = await staff('operations', tenant);
      await api.post('/trips', {
        key: ops.key,
        body: { code: 'TRP6', name: 'Dunes', departureDate: '2026-03-01' },
      });
      await api.get('/audit-logs', { key: ops.key });
      const denied = await api.get('/audit-logs', { key, query: { action: 'permission_denied' } });
      expect(denied.status).to.equal(200);
      expect(denied.body.data).to.have.length(1);
      expect(denied.body.data[0]).to.include({ actor: ops.user.id, action: 'PERMISSION_DENIED' });
      expect(denied.body.data[0].details).to.include({ request: 'GET /audit-logs', role: 'operations' });
      const byActor = await api.get('/audit-logs', {
        key,
        query: { actor: ops.user.id, entityType: 'trip' },
      });
      expect(byActor.body.data.map((e: { action: string }) => e.action)).to.deep.equal(['TRIP_CREATED']);
      const bad = await api.get('/audit-logs', { key, query: { from: '2026-02-01', to: '2026-01-01' } });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields[0].field).to.equal('to');
      expect((await api.get('/audit-logs', { key: (await staff('manager')).key })).body.data).to.deep.equal(
        [],
      );
    });
  });
});
