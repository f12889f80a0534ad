import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { TYPES } from '../../../src/types';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { testDb } from '../../support/integrationHooks';

const definition = {
  name: 'trip_reminder',
  language: 'en',
  category: 'UTILITY',
  body: 'Hi {{1}}, your trip {{2}} leaves tomorrow.',
  bodyExamples: ['Ana', 'TRP123'],
};

describe('REST: templates', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('creates (approved at once without a provider), lists, revises, syncs and deletes a template; audited', async () => {
    const { tenant, key } = await staff('operations');
    const created = await api.post('/templates', { key, body: definition });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ name: 'trip_reminder', status: 'APPROVED' });
    expect(created.body.parameters).to.deep.equal({ header: 0, body: 2, buttons: [] });
    const sales = await staff('sales', tenant);
    const list = await api.get('/templates', { key: sales.key, query: { name: 'trip_reminder' } });
    expect(list.body.data.map((t: { id: string }) => t.id)).to.deep.equal([created.body.id]);
    const revised = await api.patch(`/templates/${created.body.id}`, {
      key,
      body: { footer: 'Reply STOP to opt out' },
    });
    expect(revised.status).to.equal(200);
    expect(revised.body.footer).to.equal('Reply STOP to opt out');
    const sync = await api.post('/templates/sync', { key });
    expect(sync.status).to.equal(200);
    expect(sync.body).to.have.keys('tenants', 'updated', 'imported', 'missing');
    expect((await api.delete(`/templates/${created.body.id}`, { key })).status).to.equal(204);
    const actions = (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id })).map(
      (a: { action: string }) => a.action,
    );
    expect(actions).to.include.members(['TEMPLATE_CREATED', 'TEMPLATE_UPDATED', 'TEMPLATE_DELETED']);
  });

  it('registers a Twilio number’s template by its ContentSid, which only Twilio numbers take', async () => {
    const { tenant, key } = await staff('operations');
    const configurations = api.context.container.get<WhatsappConfigurationRepository>(
      TYPES.WhatsappConfigurationRepository,
    );
    await configurations.save({
      tenantId: tenant.id,
      provider: 'twilio',
      phoneNumber: '+15550100177',
      credentials: { twilioAccountSid: 'AC' + '0'.repeat(32), twilioAuthToken: 'twilio-token' },
      settings: {},
    });
    const missing = await api.post('/templates', { key, body: definition });
    expect(missing.status).to.equal(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).to.deep.equal(['contentSid']);
    const contentSid = 'HX' + 'ab12'.repeat(8);
    const created = await api.post('/templates', { key, body: { ...definition, contentSid } });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ status: 'APPROVED', providerTemplateId: contentSid });
    expect((await api.post('/templates/sync', { key })).status).to.equal(200);
    const revised = await api.patch(`/templates/${created.body.id}`, { key, body: { footer: 'Bye' } });
    expect(revised.status).to.equal(422);
    expect((await api.delete(`/templates/${created.body.id}`, { key })).status).to.equal(204);

    const meta = await staff('operations');
    const refused = await api.post('/templates', { key: meta.key, body: { ...definition, contentSid } });
    expect(refused.status).to.equal(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).to.deep.equal(['contentSid']);
    const malformed = await api.post('/templates', { key, body: { ...definition, contentSid: 'HX1' } });
    expect(malformed.status).to.equal(400);
  });

  it('pages templates with an opaque cursor', async () => {
    const { key } = await staff('operations');
    for (const name of ['a_one', 'a_two', 'a_three'])
      await api.post('/templates', { key, body: { ...definition, name } });
    const first = await api.get('/templates', { key, query: { limit: 2 } });
    expect(first.body.data).to.have.length(2);
    const second = await api.get('/templates', { key, query: { limit: 2, cursor: first.body.nextCursor } });
    expect(second.body.data).to.have.length(1);
    expect(second.body.nextCursor).to.equal(null);
  });

  it('answers 400 naming fields, 409 for a duplicate, 403 to sales writes, 404 across tenants', async () => {
    const { key } = await staff('operations');
    const bad = await api.post('/templates', { key, body: { name: 'Bad Name', category: 'SPAM' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members([
      'name',
      'language',
      'category',
      'body',
    ]);
    const created = await api.post('/templates', { key, body: definition });
    expect((await api.post('/templates', { key, body: definition })).status).to.equal(409);
    const sales = await staff('sales');
    expect((await api.post('/templates', { key: sales.key, body: definition })).status).to.equal(403);
    const other = await staff('operations');
    const id = created.body.id;
    expect((await api.patch(`/templates/${id}`, { key: other.key, body: { footer: 'x' } })).status).to.equal(
      404,
    );
    expect((await api.delete(`/templates/${id}`, { key: other.key })).status).to.equal(404);
  });
});
