import { expect } from 'chai';
import { TYPES } from '../../../src/types';
import type { OpenFirstRunSetup } from '../../../src/modules/session/application/OpenFirstRunSetup';
import { ApiClient } from '../../support/apiClient';
import { aTenant, aUser } from '../../support/builders';
import { cookieFrom } from '../../support/consoleSignIn';
import { testDb } from '../../support/integrationHooks';

describe('First-run setup', () => {
  let api: ApiClient;
  const openSetup = (tenantId: string) =>
    api.context.container.get<OpenFirstRunSetup>(TYPES.OpenFirstRunSetup).execute(tenantId);
  beforeEach(() => {
    api = new ApiClient();
  });

  it('creates the first manager from the one-time link, signs them in and seeds the templates', async () => {
    const tenant = await aTenant();
    const token = await openSetup(tenant.id);
    expect(token).to.match(/^[\w-]{43}$/);
    const res = await api.post('/setup', { body: { token, name: 'Marta', phone: '+14155550100' } });
    expect(res.status).to.equal(201);
    expect(res.body.user).to.include({ name: 'Marta', role: 'manager', phone: '+14155550100' });
    expect(res.body.apiKey).to.match(/^wao_/);
    const me = await api.get('/me', { headers: { cookie: cookieFrom(res) } });
    expect(me.body.role).to.equal('manager');
    const templates = await testDb()
      .knex('whatsapp_templates')
      .where({ tenant_id: tenant.id, name: 'login_code' });
    expect(templates.map((t) => t.status)).to.deep.equal(['APPROVED']);
    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenant.id, action: 'USER_CREATED' });
    expect(audit.map((a) => a.actor)).to.deep.equal(['setup']);
  });

  it('works once, and only while the tenant has no manager', async () => {
    const tenant = await aTenant();
    const token = await openSetup(tenant.id);
    await api.post('/setup', { body: { token, name: 'Marta', phone: '+14155550100' } });
    const twice = await api.post('/setup', { body: { token, name: 'Eve', phone: '+14155550666' } });
    expect(twice.status).to.equal(401);
    expect(twice.body.code).to.equal('INVALID_SETUP_TOKEN');
    expect(await openSetup(tenant.id)).to.equal(undefined);
    const managers = await testDb().knex('users').where({ tenant_id: tenant.id, role: 'manager' });
    expect(managers).to.have.length(1);
  });

  it('refuses a link left over after a manager was created another way, and keeps only the latest link', async () => {
    const tenant = await aTenant();
    const old = await openSetup(tenant.id);
    const latest = await openSetup(tenant.id);
    const stale = await api.post('/setup', { body: { token: old, name: 'Old', phone: '+14155550101' } });
    expect(stale.status).to.equal(401);
    await aUser(tenant, { role: 'manager' });
    const late = await api.post('/setup', { body: { token: latest, name: 'Late', phone: '+14155550102' } });
    expect(late.status).to.equal(422);
    expect(late.body.code).to.equal('SETUP_DONE');
    expect(await testDb().knex('users').where({ tenant_id: tenant.id, name: 'Late' })).to.have.length(0);
  });

  it('names each invalid field', async () => {
    const res = await api.post('/setup', { body: { token: 'short', name: '', phone: 'x' } });
    expect(res.status).to.equal(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).to.deep.equal([
      'name',
      'phone',
      'token',
    ]);
  });
});
