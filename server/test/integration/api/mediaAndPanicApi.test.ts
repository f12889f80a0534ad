import { expect } from 'chai';
import type { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { TYPES } from '../../../src/types';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('REST: media and panic mode', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('media', () => {
    it('stores an upload and serves the same bytes back with its type; audited', async () => {
      const { tenant, key } = await staff('sales');
      const up = await api.post('/media', {
        key,
        query: { filename: 'map.png' },
        headers: { 'content-type': 'image/png' },
        body: PNG,
      });
      expect(up.status).to.equal(201);
      expect(up.body).to.include({
        type: 'image',
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        filename: 'map.png',
      });
      const row = await testDb().knex('whatsapp_media').where({ id: up.body.id }).first();
      expect(row).to.include({ direction: 'OUTBOUND', status: 'stored', tenant_id: tenant.id });
      const down = await api.get(`/media/${up.body.id}`, { key });
      expect(down.status).to.equal(200);
      expect(down.headers['content-type']).to.equal('image/png');
      expect(down.headers['content-security-policy']).to.include('sandbox');
      expect(Buffer.from(down.body as Buffer).equals(PNG)).to.equal(true);
      const [audit] = await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id });
      expect(audit).to.include({ action: 'MEDIA_UPLOADED', entity_id: up.body.id });
    });

    it('refuses a type WhatsApp would not send, an empty body and an oversize sticker', async () => {
      const { key } = await staff('operations');
      const html = await api.post('/media', {
        key,
        headers: { 'content-type': 'text/html' },
        body: '<b>x</b>',
      });
      expect(html.status).to.equal(400);
      expect(html.body.fields[0].field).to.equal('content-type');
      const empty = await api.post('/media', {
        key,
        headers: { 'content-type': 'image/png' },
        body: Buffer.alloc(0),
      });
      expect(empty.status).to.equal(400);
      const sticker = Buffer.alloc(600 * 1024, 1);
      const big = await api.post('/media', { key, headers: { 'content-type': 'image/webp' }, body: sticker });
      expect(big.status).to.equal(422);
      expect(big.body.code).to.equal('MEDIA_TOO_LARGE');
    });

    it('answers 404 for another tenant’s media, 409 for media not downloaded yet, 403 to field staff uploads', async () => {
      const { tenant, key } = await staff('sales');
      const up = await api.post('/media', { key, headers: { 'content-type': 'image/png' }, body: PNG });
      const other = await staff('sales');
      expect((await api.get(`/media/${up.body.id}`, { key: other.key })).status).to.equal(404);
      const [pending] = await testDb()
        .knex('whatsapp_media')
        .insert({ tenant_id: tenant.id, provider_media_id: 'm1', status: 'pending' })
        .returning('id');
      const res = await api.get(`/media/${(pending as { id: string }).id}`, { key });
      expect(res.status).to.equal(409);
      const guide = await staff('field_staff', tenant);
      const refused = await api.post('/media', {
        key: guide.key,
        headers: { 'content-type': 'image/png' },
        body: PNG,
      });
      expect(refused.status).to.equal(403);
      expect((await api.get('/media/nope', { key })).status).to.equal(400);
    });
  });

  describe('panic mode', () => {
    it('shows the tenant’s pause and lets a manager resume it, audited', async () => {
      const { tenant, key } = await staff('manager');
      expect((await api.get('/panic-mode', { key })).body).to.deep.equal({
        active: false,
        reason: null,
        since: null,
        resumesAt: null,
      });
      await api.context.container.get<PanicMode>(TYPES.PanicMode).enter(tenant.id, 'auth');
      const paused = await api.get('/panic-mode', { key });
      expect(paused.body).to.include({ active: true, reason: 'auth' });
      expect(paused.body.resumesAt).to.be.a('string');
      const other = await staff('manager');
      expect((await api.get('/panic-mode', { key: other.key })).body.active).to.equal(false);
      const resumed = await api.post('/panic-mode/resume', { key });
      expect(resumed.status).to.equal(200);
      expect(resumed.body.active).to.equal(false);
      const actions = (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id })).map(
        (a: { action: string }) => a.action,
      );
      expect(actions).to.include('PANIC_MODE_RESUMED');
    });

    it('refuses operations users (403, audited)', async () => {
      const { tenant, key } = await staff('operations');
      expect((await api.get('/panic-mode', { key })).status).to.equal(403);
      expect((await api.post('/panic-mode/resume', { key })).status).to.equal(403);
      const denied = await testDb()
        .knex('whatsapp_audit_logs')
        .where({ tenant_id: tenant.id, action: 'PERMISSION_DENIED' });
      expect(denied).to.have.length(2);
    });
  });
});
