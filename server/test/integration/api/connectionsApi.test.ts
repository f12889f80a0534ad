import { expect } from 'chai';
import request from 'supertest';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { TYPES } from '../../../src/types';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';
import { ApiClient, staff } from '../../support/apiClient';
import { FakeProviderServer, GRAPH_TOKEN_EXPIRED } from '../../support/FakeProviderServer';
import { loadFixture } from '../../support/fixtures';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';
import { onPlan } from '../usage/usageKit';

const knex = () => testDb().knex;
const PUBLIC_BASE_URL = 'https://ops.example.com';
const META = {
  provider: 'meta',
  phoneNumber: '+15550100199',
  phoneNumberId: '106540352242922',
  businessAccountId: '102938475610293',
  accessToken: 'EAAG-secret-token-value',
  webhookSecret: 'meta-app-secret-value',
  verifyToken: 'verify-token-value',
};
const SECRET_VALUES = [META.accessToken, META.webhookSecret, META.verifyToken];

describe('REST: WhatsApp connections', () => {
  let fake: FakeProviderServer;
  let api: ApiClient;
  before(async () => {
    fake = await FakeProviderServer.start();
  });
  after(() => fake.close());
  beforeEach(() => {
    api = new ApiClient(
      testContainer({
        WHATSAPP_API_BASE_URL: fake.url,
        TWILIO_API_BASE_URL: fake.url,
        DIALOG360_API_BASE_URL: fake.url,
        PUBLIC_BASE_URL,
      }),
    );
  });

  it('connects a number for the manager’s tenant; secrets are write-only, in answers, lists and the audit log', async () => {
    const { tenant, key } = await staff('manager');
    const created = await api.post('/whatsapp/connections', { key, body: META });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({
      tenantId: tenant.id,
      provider: 'meta',
      status: 'active',
      source: 'manual',
      phoneNumberId: META.phoneNumberId,
      qualityRating: 'UNKNOWN',
      hasAccessToken: true,
      hasWebhookSecret: true,
      hasVerifyToken: true,
      hasApiKey: false,
    });
    const list = await api.get('/whatsapp/connections', { key });
    expect(list.body.data.map((c: { id: string }) => c.id)).to.deep.equal([created.body.id]);
    const one = await api.get(`/whatsapp/connections/${created.body.id}`, { key });
    const audit = await knex()('whatsapp_audit_logs').where({
      tenant_id: tenant.id,
      action: 'CONNECTION_ADDED',
    });
    expect(audit).to.have.length(1);
    const stored = await knex()('whatsapp_configurations').where({ id: created.body.id }).first();
    for (const text of [created.text, list.text, one.text, JSON.stringify(audit), stored.credentials])
      for (const secret of SECRET_VALUES.slice(0, 2)) expect(text).not.to.include(secret);
  });

  it('accepts deliveries for a number as soon as it is connected, and refuses them once it is removed', async () => {
    const { key } = await staff('manager');
    const raw = loadFixture('meta-text.json');
    const deliver = () =>
      request(api.app)
        .post('/api/whatsapp/webhook')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signMetaBody(raw, META.webhookSecret))
        .send(raw.toString('utf8'));
    await deliver().expect(401); // the directory has loaded: no such number yet
    const created = await api.post('/whatsapp/connections', { key, body: META });
    await deliver().expect(200);
    expect((await api.delete(`/whatsapp/connections/${created.body.id}`, { key })).status).to.equal(204);
    await deliver().expect(401);
  });

  it('names each missing credential for the provider, and refuses a number another tenant has (409)', async () => {
    const { key } = await staff('manager');
    const missing = await api.post('/whatsapp/connections', {
      key,
      body: { provider: 'meta', phoneNumber: META.phoneNumber },
    });
    expect(missing.status).to.equal(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).to.have.members([
      'phoneNumberId',
      'accessToken',
      'webhookSecret',
    ]);
    await api.post('/whatsapp/connections', { key, body: META });
    const other = await staff('manager');
    const claimed = await api.post('/whatsapp/connections', {
      key: other.key,
      body: { ...META, phoneNumber: '+15550100200' },
    });
    expect(claimed.status).to.equal(409);
    expect(claimed.body.fields.map((f: { field: string }) => f.field)).to.have.members([
      'phoneNumberId',
      'businessAccountId',
    ]);
  });

  it('takes a provider’s API only on a plan with api_number; a starter tenant’s number is a console connection', async () => {
    const { tenant, key } = await staff('manager');
    await onPlan(tenant.id, 'starter');
    const refused = await api.post('/whatsapp/connections', { key, body: META });
    expect(refused.status).to.equal(403);
    expect(refused.body).to.include({ code: 'PLAN_FEATURE', feature: 'api_number', plan: 'starter' });
    expect(await testDb().knex('whatsapp_configurations').where({ tenant_id: tenant.id })).to.have.length(0);
    const number = await api.post('/whatsapp/connections', {
      key,
      body: { provider: 'console', phoneNumber: META.phoneNumber },
    });
    expect(number.status).to.equal(201);
    await onPlan(tenant.id, 'starter', { features: { api_number: true } });
    const other = { ...META, phoneNumber: '+15550100198', phoneNumberId: '106540352242923' };
    expect((await api.post('/whatsapp/connections', { key, body: other })).status).to.equal(201);
  });

  it('lets only managers in, and shows no other tenant’s connection', async () => {
    const { tenant, key } = await staff('manager');
    const created = await api.post('/whatsapp/connections', { key, body: META });
    const operations = await staff('operations', tenant);
    expect((await api.get('/whatsapp/connections', { key: operations.key })).status).to.equal(403);
    const denied = await knex()('whatsapp_audit_logs').where({
      tenant_id: tenant.id,
      action: 'PERMISSION_DENIED',
    });
    expect(denied).to.have.length(1);
    const stranger = await staff('manager');
    const id = created.body.id;
    expect((await api.get(`/whatsapp/connections/${id}`, { key: stranger.key })).status).to.equal(404);
    expect(
      (await api.patch(`/whatsapp/connections/${id}`, { key: stranger.key, body: { markAsRead: false } }))
        .status,
    ).to.equal(404);
    expect((await api.post(`/whatsapp/connections/${id}/test`, { key: stranger.key })).status).to.equal(404);
    expect((await api.delete(`/whatsapp/connections/${id}`, { key: stranger.key })).status).to.equal(404);
    expect((await api.get('/whatsapp/connections', { key: stranger.key })).body.data).to.deep.equal([]);
  });

  it('refuses to change or remove the connection the environment manages (409)', async () => {
    const { tenant, key } = await staff('manager');
    const env = await api.context.container
      .get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository)
      .save({
        tenantId: tenant.id,
        provider: 'console',
        phoneNumber: '+15550100111',
        credentials: {},
        settings: {},
      });
    const patch = await api.patch(`/whatsapp/connections/${env.id}`, { key, body: { markAsRead: false } });
    expect(patch.status).to.equal(409);
    expect(patch.body.code).to.equal('CONNECTION_MANAGED_BY_ENVIRONMENT');
    expect((await api.delete(`/whatsapp/connections/${env.id}`, { key })).status).to.equal(409);
  });

  describe('POST /whatsapp/connections/:id/test', () => {
    it('asks Meta for the number’s fields with the stored token, and records them on the connection', async () => {
      const { tenant, key } = await staff('manager');
      const created = await api.post('/whatsapp/connections', { key, body: META });
      fake.tokens.add(META.accessToken);
      fake.connections.metaNumbers.set(META.phoneNumberId, {
        id: META.phoneNumberId,
        display_phone_number: '+1 555-010-0199',
        verified_name: 'Andes Treks',
        quality_rating: 'YELLOW',
        messaging_limit_tier: 'TIER_1K',
        name_status: 'APPROVED',
      });
      const tested = await api.post(`/whatsapp/connections/${created.body.id}/test`, { key });
      expect(tested.body).to.include({
        ok: true,
        displayPhoneNumber: '+1 555-010-0199',
        verifiedName: 'Andes Treks',
        qualityRating: 'YELLOW',
        error: null,
      });
      const [asked] = fake.requestsTo(`/v25.0/${META.phoneNumberId}`);
      expect(asked.headers.authorization).to.equal(`Bearer ${META.accessToken}`);
      expect(asked.query.get('fields')).to.equal(
        'display_phone_number,verified_name,quality_rating,messaging_limit_tier,name_status',
      );
      const after = (await api.get(`/whatsapp/connections/${created.body.id}`, { key })).body;
      expect(after).to.include({
        verifiedName: 'Andes Treks',
        qualityRating: 'YELLOW',
        messagingLimitTier: 'TIER_1K',
      });
      expect(after.health.lastTest).to.include({ ok: true });
      const audit = await knex()('whatsapp_audit_logs').where({
        tenant_id: tenant.id,
        action: 'CONNECTION_TESTED',
      });
      expect(audit[0].details).to.include({ ok: true });
      const [event] = await knex()('events').where({ tenant_id: tenant.id, type: 'connection.health' });
      expect(event.data).to.deep.include({
        connectionId: created.body.id,
        status: 'active',
        qualityRating: 'YELLOW',
        messagingLimitTier: 'TIER_1K',
      });
      expect(event.data.health.lastTest).to.include({ ok: true });
      expect(JSON.stringify(event.data)).not.to.contain(META.accessToken);
    });

    it('reports a refused token as not ok with Meta’s code, and a replaced token is used next time', async () => {
      const { key } = await staff('manager');
      const created = await api.post('/whatsapp/connections', {
        key,
        body: { ...META, accessToken: 'EAAG-expired' },
      });
      fake.expiredTokens.add('EAAG-expired');
      const failed = await api.post(`/whatsapp/connections/${created.body.id}/test`, { key });
      expect(failed.body.ok).to.equal(false);
      expect(failed.body.error).to.match(/^190: /);
      expect(failed.body.error).to.include(GRAPH_TOKEN_EXPIRED.error.message);
      fake.tokens.add('EAAG-fresh');
      fake.connections.metaNumbers.set(META.phoneNumberId, {
        id: META.phoneNumberId,
        display_phone_number: '+1 555-010-0199',
        verified_name: 'Andes Treks',
        quality_rating: 'GREEN',
      });
      await api.patch(`/whatsapp/connections/${created.body.id}`, {
        key,
        body: { accessToken: 'EAAG-fresh' },
      });
      expect((await api.post(`/whatsapp/connections/${created.body.id}/test`, { key })).body.ok).to.equal(
        true,
      );
    });

    it('asks Twilio for the account, and a suspended account is not ok', async () => {
      const { key } = await staff('manager');
      const sid = 'AC' + 'd'.repeat(32);
      fake.connections.twilioAccounts.set(sid, { sid, authToken: 'twilio-token', status: 'suspended' });
      const created = await api.post('/whatsapp/connections', {
        key,
        body: {
          provider: 'twilio',
          phoneNumber: '+15550100188',
          twilioAccountSid: sid,
          twilioAuthToken: 'twilio-token',
        },
      });
      const tested = await api.post(`/whatsapp/connections/${created.body.id}/test`, { key });
      expect(tested.body).to.include({ ok: false, accountStatus: 'suspended' });
      expect(tested.text).not.to.include('twilio-token'); // Twilio's answer carries the token: never passed on
      fake.connections.twilioAccounts.set(sid, { sid, authToken: 'twilio-token', status: 'active' });
      expect((await api.post(`/whatsapp/connections/${created.body.id}/test`, { key })).body.ok).to.equal(
        true,
      );
    });

    it('asks 360dialog for the webhook config, which must point at this service for the tenant', async () => {
      const { tenant, key } = await staff('manager');
      fake.apiKeys.add('d360-key');
      const created = await api.post('/whatsapp/connections', {
        key,
        body: {
          provider: '360dialog',
          phoneNumber: '+5491155550000',
          apiKey: 'd360-key',
          webhookSecret: 'd360-secret',
        },
      });
      fake.connections.dialog360Webhooks.set('d360-key', 'https://elsewhere.example.com/hook');
      const wrong = await api.post(`/whatsapp/connections/${created.body.id}/test`, { key });
      expect(wrong.body.ok).to.equal(false);
      expect(wrong.body.error).to.include(`${PUBLIC_BASE_URL}/api/whatsapp/webhook?orgId=${tenant.id}`);
      fake.connections.dialog360Webhooks.set(
        'd360-key',
        `${PUBLIC_BASE_URL}/api/whatsapp/webhook?orgId=${tenant.id}`,
      );
      expect((await api.post(`/whatsapp/connections/${created.body.id}/test`, { key })).body.ok).to.equal(
        true,
      );
    });
  });
});
