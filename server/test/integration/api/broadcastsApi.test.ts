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

  it('pages a broadcast’s recipients with a cursor, keeping the counts over all of them', async () => {
    const { tenant, key } = await staff('operations');
    await testDb()
      .knex('whatsapp_templates')
      .insert({
        tenant_id: tenant.id,
        name: 'trip_news',
        language: 'en',
        category: 'UTILITY',
        status: 'APPROVED',
        components: JSON.stringify([{ type: 'BODY', text: 'News: {{1}}. See you soon.' }]),
      });
    const phones = ['+14155550301', '+14155550302', '+14155550303'];
    const list = await api.post('/broadcast-lists', {
      key,
      body: { name: 'Paged', members: phones.map((phone) => ({ phone })) },
    });
    await api.post('/opt-ins', { key, body: { phone: phones[1], source: 'web' } });
    const sent = await api.post('/broadcasts', {
      key,
      body: { template: { name: 'trip_news', params: ['we leave at 8'] }, listId: list.body.id },
    });
    const url = `/broadcasts/${sent.body.broadcastId}`;
    const first = await api.get(url, { key, query: { limit: 2 } });
    expect(first.status).to.equal(200);
    expect(first.body.recipients.map((r: { phone: string }) => r.phone)).to.deep.equal(phones.slice(0, 2));
    expect(first.body.counts).to.include({ total: 3, queued: 1, skipped: 2 });
    expect(first.body.nextCursor).to.be.a('string');
    const second = await api.get(url, { key, query: { limit: 2, cursor: first.body.nextCursor } });
    expect(second.body.recipients.map((r: { phone: string }) => r.phone)).to.deep.equal([phones[2]]);
    expect(second.body.nextCursor).to.equal(null);
    expect(second.body.counts).to.deep.equal(first.body.counts);
    const bad = await api.get(url, { key, query: { cursor: 'bm90IGEgY3Vyc29yIQ' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.fields[0].field).to.equal('cursor');
  });

  it('lists the tenant’s broadcasts newest first with their list and counts, paged, and no other tenant’s', async () => {
    const { tenant, key } = await staff('operations');
    await testDb()
      .knex('whatsapp_templates')
      .insert({
        tenant_id: tenant.id,
        name: 'trip_news',
        language: 'en',
        category: 'UTILITY',
        status: 'APPROVED',
        components: JSON.stringify([{ type: 'BODY', text: 'News: {{1}}. See you soon.' }]),
      });
    const list = await api.post('/broadcast-lists', {
      key,
      body: { name: 'Andes', members: [{ phone: '+14155550401' }, { phone: '+14155550402' }] },
    });
    await api.post('/opt-ins', { key, body: { phone: '+14155550401', source: 'web' } });
    const ids: string[] = [];
    for (const news of ['first', 'second']) {
      const sent = await api.post('/broadcasts', {
        key,
        body: { template: { name: 'trip_news', params: [news] }, listId: list.body.id },
      });
      ids.push(sent.body.broadcastId);
    }
    await testDb()
      .knex('whatsapp_broadcasts')
      .where({ id: ids[0] })
      .update({ created_at: new Date(Date.now() - 60_000) });
    const other = await staff('operations');
    expect((await api.get('/broadcasts', { key: other.key })).body.data).to.deep.equal([]);
    const first = await api.get('/broadcasts', { key, query: { limit: 1 } });
    expect(first.status).to.equal(200);
    expect(first.body.data).to.have.length(1);
    expect(first.body.data[0]).to.deep.include({
      id: ids[1],
      template: { name: 'trip_news', language: 'en' },
      listId: list.body.id,
      listName: 'Andes',
      tripId: null,
      tripCode: null,
    });
    expect(first.body.data[0].counts).to.include({ total: 2, queued: 1, skipped: 1 });
    const second = await api.get('/broadcasts', { key, query: { limit: 1, cursor: first.body.nextCursor } });
    expect(second.body.data.map((b: { id: string }) => b.id)).to.deep.equal([ids[0]]);
    expect(second.body.nextCursor).to.equal(null);
    const sales = await staff('sales', tenant);
    expect((await api.get('/broadcasts', { key: sales.key })).status).to.equal(403);
  });

  it('answers 422 TEMPLATE_PARAMS naming the field when the header or buttons do not fit', async () => {
    const { tenant, key } = await staff('operations');
    await testDb()
      .knex('whatsapp_templates')
      .insert({
        tenant_id: tenant.id,
        name: 'trip_photo',
        language: 'en',
        category: 'MARKETING',
        status: 'APPROVED',
        components: JSON.stringify([
          { type: 'HEADER', format: 'IMAGE' },
          { type: 'BODY', text: 'The view from the pass.' },
        ]),
      });
    const list = await api.post('/broadcast-lists', {
      key,
      body: { name: 'Photos', members: [{ phone: '+14155550311' }] },
    });
    const res = await api.post('/broadcasts', {
      key,
      body: {
        template: { name: 'trip_photo', buttons: [{ index: 0, type: 'url', text: 'x' }] },
        listId: list.body.id,
      },
    });
    expect(res.status).to.equal(422);
    expect(res.body.fields.map((f: { field: string }) => f.field)).to.deep.equal([
      'template.header',
      'template.buttons[0].index',
    ]);
    const ok = await api.post('/broadcasts', {
      key,
      body: {
        template: { name: 'trip_photo', header: { type: 'image', link: 'https://cdn.example.com/pass.jpg' } },
        listId: list.body.id,
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(202);
    const shown = await api.get(`/broadcasts/${ok.body.broadcastId}`, { key });
    expect(shown.body.template).to.deep.include({
      header: { type: 'image', link: 'https://cdn.example.com/pass.jpg' },
    });
  });

  it('answers 422 TEMPLATE_PARAMS for a value WhatsApp refuses (a new line), and queues nothing', async () => {
    const { tenant, key } = await staff('operations');
    await testDb()
      .knex('whatsapp_templates')
      .insert({
        tenant_id: tenant.id,
        name: 'trip_news',
        language: 'en',
        category: 'UTILITY',
        status: 'APPROVED',
        components: JSON.stringify([{ type: 'BODY', text: 'News about your trip: {{1}}.' }]),
      });
    const list = await api.post('/broadcast-lists', {
      key,
      body: { name: 'News', members: [{ phone: '+14155550312' }] },
    });
    const res = await api.post('/broadcasts', {
      key,
      body: { template: { name: 'trip_news', params: ['we leave\nat 8'] }, listId: list.body.id },
    });
    expect(res.status).to.equal(422);
    expect(res.body.fields.map((f: { field: string }) => f.field)).to.deep.equal(['template.params[0]']);
    expect(await testDb().knex('whatsapp_messages').where({ tenant_id: tenant.id })).to.have.length(0);
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
