import { expect } from 'chai';
import { testDb } from '../../support/integrationHooks';
import { ApiClient, staff } from '../../support/apiClient';

const auditActions = async (tenantId: string) =>
  (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenantId }).orderBy('created_at')).map(
    (r: { action: string }) => r.action,
  );

describe('REST: me, users and API keys', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('authentication', () => {
    it('answers 401 without a key, with a malformed header and with an unknown key', async () => {
      expect((await api.get('/me')).status).to.equal(401);
      const malformed = await api.get('/me', { headers: { authorization: 'Basic abc' } });
      expect(malformed.status).to.equal(401);
      const unknown = await api.get('/me', { key: 'wao_not-a-real-key' });
      expect(unknown.status).to.equal(401);
      expect(unknown.body.code).to.equal('INVALID_API_KEY');
    });

    it('GET /me answers the caller with their tenant', async () => {
      const { user, tenant, key } = await staff('operations');
      const res = await api.get('/me', { key });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ id: user.id, role: 'operations', phone: user.phone });
      expect(res.body.tenant).to.deep.equal({ id: tenant.id, name: tenant.name });
    });
  });

  describe('GET /users', () => {
    it('lists the tenant’s users only, newest first, page by page', async () => {
      const { tenant, key } = await staff('manager');
      await staff('sales', tenant);
      await staff('field_staff', tenant);
      await staff('manager'); // another tenant
      const first = await api.get('/users', { key, query: { limit: 2 } });
      expect(first.status).to.equal(200);
      expect(first.body.data).to.have.length(2);
      expect(first.body.nextCursor).to.be.a('string');
      const second = await api.get('/users', { key, query: { limit: 2, cursor: first.body.nextCursor } });
      expect(second.body.data).to.have.length(1);
      expect(second.body.nextCursor).to.equal(null);
      const ids = [...first.body.data, ...second.body.data].map((u: { id: string }) => u.id);
      expect(new Set(ids).size).to.equal(3);
      const roles = await api.get('/users', { key, query: { role: 'sales' } });
      expect(roles.body.data.map((u: { role: string }) => u.role)).to.deep.equal(['sales']);
    });

    it('names the field of a bad query', async () => {
      const { key } = await staff('manager');
      const res = await api.get('/users', { key, query: { limit: 500, cursor: 'zzz' } });
      expect(res.status).to.equal(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).to.include('limit');
    });

    it('refuses an undecodable cursor as a validation error on cursor', async () => {
      const { key } = await staff('manager');
      const res = await api.get('/users', { key, query: { cursor: 'bm9wZQ' } });
      expect(res.status).to.equal(400);
      expect(res.body.fields[0].field).to.equal('cursor');
    });

    it('refuses a sales user with 403 and audits the refusal', async () => {
      const { tenant, key } = await staff('sales');
      const res = await api.get('/users', { key });
      expect(res.status).to.equal(403);
      expect(res.body.code).to.equal('PERMISSION_DENIED');
      expect(await auditActions(tenant.id)).to.deep.equal(['PERMISSION_DENIED']);
    });
  });

  describe('POST /users', () => {
    it('creates a user whose key, shown once, works at once; audited without the key', async () => {
      const { tenant, key } = await staff('manager');
      const res = await api.post('/users', {
        key,
        body: { name: 'Guide Gus', phone: '+1 415 555 0199', role: 'field_staff' },
      });
      expect(res.status).to.equal(201);
      expect(res.body).to.include({ name: 'Guide Gus', phone: '+14155550199', role: 'field_staff' });
      const me = await api.get('/me', { key: res.body.apiKey });
      expect(me.body.id).to.equal(res.body.id);
      const [audit] = await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id });
      expect(audit).to.include({ action: 'USER_CREATED', entity_id: res.body.id });
      expect(JSON.stringify(audit.details)).not.to.include(res.body.apiKey);
    });

    it('names every invalid field', async () => {
      const { key } = await staff('manager');
      const res = await api.post('/users', { key, body: { name: '', role: 'pilot' } });
      expect(res.status).to.equal(400);
      const fields = res.body.fields.map((f: { field: string }) => f.field);
      expect(fields).to.include.members(['name', 'phone', 'role']);
    });

    it('refuses a phone that is not one', async () => {
      const { key } = await staff('manager');
      const res = await api.post('/users', { key, body: { name: 'X', phone: '12ab', role: 'sales' } });
      expect(res.status).to.equal(400);
      expect(res.body.fields[0].field).to.equal('phone');
    });

    it('answers 409 for a phone already used in the tenant', async () => {
      const { tenant, key } = await staff('manager');
      const { user } = await staff('sales', tenant);
      const res = await api.post('/users', { key, body: { name: 'Dup', phone: user.phone, role: 'sales' } });
      expect(res.status).to.equal(409);
      expect(res.body.code).to.equal('USER_EXISTS');
    });

    it('refuses operations users with 403', async () => {
      const { key } = await staff('operations');
      const res = await api.post('/users', {
        key,
        body: { name: 'X', phone: '+14155550100', role: 'sales' },
      });
      expect(res.status).to.equal(403);
    });
  });

  describe('PATCH /users/:id', () => {
    it('deactivates a user: their key stops working', async () => {
      const { tenant, key } = await staff('manager');
      const rep = await staff('sales', tenant);
      const res = await api.patch(`/users/${rep.user.id}`, { key, body: { active: false, name: 'Old Rep' } });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ active: false, name: 'Old Rep' });
      expect((await api.get('/me', { key: rep.key })).status).to.equal(401);
      expect(await auditActions(tenant.id)).to.deep.equal(['USER_UPDATED']);
    });

    it('revokes the keys of a deactivated user for good: reactivating does not bring them back', async () => {
      const { tenant, key } = await staff('manager');
      const rep = await staff('sales', tenant);
      await api.patch(`/users/${rep.user.id}`, { key, body: { active: false } });
      const reactivated = await api.patch(`/users/${rep.user.id}`, { key, body: { active: true } });
      expect(reactivated.body).to.include({ active: true });

      expect((await api.get('/me', { key: rep.key })).status).to.equal(401);
      const keys = await testDb().knex('api_keys').where({ user_id: rep.user.id });
      expect(keys.map((k) => k.revoked_at))
        .to.have.length(1)
        .and.not.include(null);
      const [deactivation] = await testDb()
        .knex('whatsapp_audit_logs')
        .where({ tenant_id: tenant.id, action: 'USER_UPDATED' })
        .orderBy('created_at');
      expect(deactivation.details).to.deep.include({ revokedKeys: 1 });
      const issued = await api.post(`/users/${rep.user.id}/api-keys`, { key });
      expect((await api.get('/me', { key: issued.body.apiKey })).status).to.equal(200);
    });

    it('answers 404 for a user of another tenant, and leaves them alone', async () => {
      const { key } = await staff('manager');
      const other = await staff('sales');
      const res = await api.patch(`/users/${other.user.id}`, { key, body: { active: false } });
      expect(res.status).to.equal(404);
      expect((await api.get('/me', { key: other.key })).status).to.equal(200);
    });

    it('validates the id and the body', async () => {
      const { key } = await staff('manager');
      const res = await api.patch('/users/not-a-uuid', { key, body: {} });
      expect(res.status).to.equal(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).to.include.members(['id', 'body']);
    });

    it('refuses a manager demoting themselves (422)', async () => {
      const { user, key } = await staff('manager');
      const res = await api.patch(`/users/${user.id}`, { key, body: { role: 'sales' } });
      expect(res.status).to.equal(422);
      expect(res.body.code).to.equal('OWN_ACCESS_UNCHANGEABLE');
    });

    it('refuses field staff with 403', async () => {
      const { user, key } = await staff('field_staff');
      expect((await api.patch(`/users/${user.id}`, { key, body: { name: 'Me' } })).status).to.equal(403);
    });
  });

  describe('POST /users/:id/api-keys', () => {
    it('issues a new key and revokes the others', async () => {
      const { tenant, key } = await staff('manager');
      const rep = await staff('sales', tenant);
      const res = await api.post(`/users/${rep.user.id}/api-keys`, { key });
      expect(res.status).to.equal(201);
      expect(res.body).to.include({ userId: rep.user.id, revokedKeys: 1 });
      expect((await api.get('/me', { key: rep.key })).status).to.equal(401);
      expect((await api.get('/me', { key: res.body.apiKey })).status).to.equal(200);
    });

    it('keeps the old keys on a rollover (keepExisting)', async () => {
      const { tenant, key } = await staff('manager');
      const rep = await staff('sales', tenant);
      const res = await api.post(`/users/${rep.user.id}/api-keys`, { key, body: { keepExisting: true } });
      expect(res.body.revokedKeys).to.equal(0);
      expect((await api.get('/me', { key: rep.key })).status).to.equal(200);
    });

    it('answers 404 across tenants, 403 to non-managers, 400 on a bad body', async () => {
      const { tenant, key } = await staff('manager');
      const other = await staff('sales');
      expect((await api.post(`/users/${other.user.id}/api-keys`, { key })).status).to.equal(404);
      const sales = await staff('sales', tenant);
      expect((await api.post(`/users/${sales.user.id}/api-keys`, { key: sales.key })).status).to.equal(403);
      const bad = await api.post(`/users/${sales.user.id}/api-keys`, {
        key,
        body: { keepExisting: 'maybe' },
      });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields[0].field).to.equal('keepExisting');
    });
  });
});
