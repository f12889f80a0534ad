import { expect } from 'chai';
import request from 'supertest';
import { InboxProcessor } from '../../../src/whatsapp/inbox/InboxProcessor';
import { staff, type ApiClient } from '../../support/apiClient';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { onPlan } from '../usage/usageKit';
import { configureFake, metaDeliveryTo, onboardingApi, PARTNER, PUBLIC_BASE_URL } from './onboardingKit';

const knex = () => testDb().knex;
const STEPS = ['create_api_key', 'register_webhook', 'fetch_number', 'activate'];
const CHANNEL = {
  id: 'Ch7xYz01',
  phoneNumber: '+54 9 11 5555-0177',
  name: 'Andes Treks',
  wabaId: '610000000000001',
};

describe('onboarding: 360dialog partner connect (SPEC §16)', () => {
  let fake: FakeProviderServer;
  let api: ApiClient;
  let settled: () => Promise<void>;
  before(async () => {
    fake = await FakeProviderServer.start();
    configureFake(fake);
    fake.onboarding.channels.set(CHANNEL.id, CHANNEL);
  });
  after(() => fake.close());
  beforeEach(() => ({ api, settled } = onboardingApi(fake)));

  it('gets the channel’s API key, registers the tenant’s webhook with a secret header, and activates the number', async () => {
    const { tenant, key } = await staff('manager');
    const started = await api.post('/onboarding/360dialog', { key, body: { channelId: CHANNEL.id } });
    expect(started.status).to.equal(202);
    expect(started.body.steps.map((s: { name: string }) => s.name)).to.deep.equal(STEPS);
    await settled();
    const done = (await api.get(`/onboarding/${started.body.id}`, { key })).body;
    expect(done).to.include({ status: 'done', phoneNumber: '+5491155550177', wabaId: CHANNEL.wabaId });

    const partnerCall = fake.requestsTo(`/api/v2/partners/${PARTNER.id}/channels/${CHANNEL.id}/api_keys`)[0];
    expect(partnerCall.headers['x-api-key']).to.equal(PARTNER.apiKey);
    const [apiKey, webhook] = [...fake.onboarding.dialogWebhooks.entries()].at(-1)!;
    expect(webhook.url).to.equal(`${PUBLIC_BASE_URL}/api/whatsapp/webhook?orgId=${tenant.id}`);
    const secret = webhook.headers?.['x-webhook-secret'] as string;
    expect(secret).to.have.length.greaterThan(30);

    const [connection] = await knex()('whatsapp_configurations').where({ tenant_id: tenant.id });
    expect(connection).to.include({
      provider: '360dialog',
      status: 'active',
      source: 'onboarding',
      phone_number: '+5491155550177',
      business_account_id: CHANNEL.wabaId,
    });
    const row = await knex()('onboardings').where({ id: started.body.id }).first();
    for (const text of [row.secrets, connection.credentials, JSON.stringify(done)])
      for (const s of [apiKey, secret]) expect(text).not.to.include(s);

    // What 360dialog then posts to the registered URL, with the registered header, is the tenant's.
    const number = { phoneNumberId: '620000000000001', wabaId: CHANNEL.wabaId, e164: '+5491155550177' };
    const body = metaDeliveryTo(number, '+5491160005555', 'hola');
    const deliver = (header: string) =>
      request(api.app)
        .post(`/api/whatsapp/webhook?orgId=${tenant.id}`)
        .set('content-type', 'application/json')
        .set('x-webhook-secret', header)
        .send(body);
    await deliver('not-the-secret').expect(401);
    await deliver(secret).expect(200);
    await api.context.container.get(InboxProcessor).drain();
    const inbound = await knex()('whatsapp_messages').where({ direction: 'INBOUND' });
    expect(inbound.map((m) => m.tenant_id)).to.deep.equal([tenant.id]);
  });

  it('an unknown channel fails create_api_key with 360dialog’s error; the same channel again is the same onboarding', async () => {
    const { tenant, key } = await staff('manager');
    const started = await api.post('/onboarding/360dialog', { key, body: { channelId: 'NoSuchCh' } });
    await settled();
    const failed = (await api.get(`/onboarding/${started.body.id}`, { key })).body;
    expect(failed.status).to.equal('failed');
    expect(failed.steps[0].error).to.include({ message: 'Channel NoSuchCh not found', code: '404' });
    const again = await api.post('/onboarding/360dialog', { key, body: { channelId: 'NoSuchCh' } });
    expect(again.body.id).to.equal(started.body.id);
    expect(await knex()('whatsapp_configurations').where({ tenant_id: tenant.id })).to.have.length(0);
    fake.onboarding.channels.set('NoSuchCh', {
      ...CHANNEL,
      id: 'NoSuchCh',
      phoneNumber: '+5491155550188',
      wabaId: '610000000000002',
    });
    fake.onboarding.failNext('configs_webhook', 500, {
      meta: { success: false, http_code: 500, developer_message: 'Internal error' },
    });
    await api.post(`/onboarding/${started.body.id}/retry`, { key });
    await settled();
    const second = (await api.get(`/onboarding/${started.body.id}`, { key })).body;
    expect(second.steps.map((s: { status: string }) => s.status)).to.deep.equal([
      'done',
      'failed',
      'pending',
      'pending',
    ]);
    await api.post(`/onboarding/${started.body.id}/retry`, { key });
    await settled();
    expect((await api.get(`/onboarding/${started.body.id}`, { key })).body.status).to.equal('done');
    expect(fake.requestsTo('/api/v2/partners/wAbC12PA/channels/NoSuchCh/api_keys')).to.have.length(2);
  });

  it('is refused when the partner is not configured (422), and names a bad channel id (400)', async () => {
    const { key } = await staff('manager');
    const bad = await api.post('/onboarding/360dialog', { key, body: { channelId: '../x' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.fields[0].field).to.equal('channelId');
    const unconfigured = onboardingApi(fake, { DIALOG360_PARTNER_ID: '' }).api;
    const refused = await unconfigured.post('/onboarding/360dialog', {
      key,
      body: { channelId: CHANNEL.id },
    });
    expect(refused.status).to.equal(422);
    expect(refused.body.code).to.equal('ONBOARDING_NOT_CONFIGURED');
  });

  it('is refused on a plan without api_number (403 PLAN_FEATURE), starting nothing', async () => {
    const { tenant, key } = await staff('manager');
    await onPlan(tenant.id, 'free');
    const refused = await api.post('/onboarding/360dialog', { key, body: { channelId: CHANNEL.id } });
    expect(refused.status).to.equal(403);
    expect(refused.body.code).to.equal('PLAN_FEATURE');
    expect(await knex()('onboardings').where({ tenant_id: tenant.id })).to.have.length(0);
  });
});
