import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';

describe('REST: broadcast lists and broadcasts', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('builds a list, broadcasts an approved template to its opted-in members and shows progress', async () => {
    const { tenant, key } = await staff('operations');
    const template = await api.post('/templates', {
      key,
      body: {
        name: 'trip_news',
        language: 'en',
        category: 'UTILITY',
        body: 'News about your trip: {{1}}. See you soon.',
        bodyExamples: ['we leave at 8'],
      },
    });
    expect(template.status, JSON.stringify(template.body)).to.equal(201);
    const list = await api.post('/broadcast-lists', {
      key,
      body: { name: 'December group', members: [{ phone: '+14155550201', name: 'Ann' }] },
    });
    expect(list.status).to.equal(201);
    expect(list.body.memberCount).to.equal(1);
    const added = await api.post(`/broadcast-lists/${list.body.id}/members`, {
      key,
      body: { members: [{ phone: '14155550202' }, { phone: '+1 415 555 0201' }] },
    });
    expect(added.body).to.include({ added: 1, alreadyMembers: 1 });
    await api.post('/opt-ins', { key, body: { phone: '+14155550201', source: 'web' } });
    const lists = await api.get('/broadcast-lists', { key });
    expect(lists.body.data.map((l: { name: string }) => l.name)).to.deep.equal(['December group']);
    const sent = await api.post('/broadcasts', {
      key,
      body: {
        template: { name: 'trip_news', language: template.body.language, params: ['we leave at 8'] },
        listId: list.body.id,
      },
    });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(202);
    expect(sent.body).to.include({ queued: 1, skipped: 1 });
    const progress = await api.get(`/broadcasts/${sent.body.broadcastId}`, { key });
    expect(progress.status).to.equal(200);
    expect(progress.body.counts).to.include({ queued: 1, skipped: 1, total: 2 });
    const actions = (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id })).map(
      (a: { action: string }) => a.action,
    );
    expect(actions.filter((a: string) => a.startsWith('BROADCAST_LIST_'))).to.have.members([
      'BROADCAST_LIST_CREATED',
      'BROADCAST_LIST_MEMBERS_ADDED',
    ]);
  });

  it('answers 400, 403, 404 and 422 as it should', async () => {
    const { tenant, key } = await staff('operations');
    const bad = await api.post('/broadcasts', {
      key,
      body: { template: { name: 'x' }, listId: 'nope', tripCode: 'T' },
    });
    expect(bad.status).to.equal(400);
    const list = await api.post('/broadcast-lists', { key, body: { name: 'L' } });
    const unapproved = await api.post('/broadcasts', {
      key,
      body: { template: { name: 'missing_template', params: [] }, listId: list.body.id },
    });
    expect(unapproved.status).to.equal(422);
    const other = await staff('operations');
    const foreign = await api.post(`/broadcast-lists/${list.body.id}/members`, {
      key: other.key,
      body: { members: [{ phone: '+14155550203' }] },
    });
    expect(foreign.status).to.equal(404);
    expect((await api.get(`/broadcasts/${list.body.id}`, { key })).status).to.equal(404);
    expect((await api.post('/broadcast-lists', { key, body: { name: 'L' } })).status).to.equal(409);
    const sales = await staff('sales', tenant);
    expect((await api.get('/broadcast-lists', { key: sales.key })).status).to.equal(403);
  });
});
