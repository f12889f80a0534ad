import { expect } from 'chai';
import request from 'supertest';
import { InboxProcessor } from '../../../src/whatsapp/inbox/InboxProcessor';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';
import { staff, type ApiClient } from '../../support/apiClient';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import {
  CODE_USED,
  graphError,
  PIN_MISMATCH,
  type OnboardingEndpoint,
} from '../../support/FakeOnboardingApi';
import { testDb } from '../../support/integrationHooks';
import {
  aBusiness,
  APP,
  configureFake,
  CREDIT,
  metaDeliveryTo,
  onboardingApi,
  signupBody,
} from './onboardingKit';

const knex = () => testDb().knex;
const STEPS = [
  'exchange_token',
  'subscribe_webhooks',
  'register_phone',
  'share_credit_line',
  'fetch_number',
  'activate',
];
const TRANSIENT = () =>
  graphError(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true });

interface Step {
  name: string;
  status: string;
  error: {
    message: string;
    code: number | string | null;
    subcode: number | null;
    fbtraceId: string | null;
  } | null;
}

describe('onboarding: Meta Embedded Signup (SPEC §16)', () => {
  let fake: FakeProviderServer;
  let api: ApiClient;
  let settled: () => Promise<void>;
  before(async () => {
    fake = await FakeProviderServer.start();
    configureFake(fake);
  });
  after(() => fake.close());
  beforeEach(() => ({ api, settled } = onboardingApi(fake)));

  const connections = (tenantId: string) => knex()('whatsapp_configurations').where({ tenant_id: tenantId });
  const show = async (key: string, id: string) => (await api.get(`/onboarding/${id}`, { key })).body;

  it('runs the six steps in order and leaves an active connection; token and PIN encrypted, never shown', async () => {
    const { tenant, key } = await staff('manager');
    const business = aBusiness(fake, { expiresAt: Date.parse('2027-03-01T00:00:00Z') / 1000 });
    const started = await api.post('/onboarding/meta', { key, body: signupBody(business) });
    expect(started.status).to.equal(202);
    expect(started.body.steps.map((s: Step) => s.name)).to.deep.equal(STEPS);
    expect(started.body.steps.every((s: Step) => s.status === 'pending')).to.equal(true);

    await settled();
    const done = await show(key, started.body.id);
    expect(done.status).to.equal('done');
    expect(done.steps.map((s: Step) => s.status)).to.deep.equal(STEPS.map(() => 'done'));
    expect(done).to.include({ phoneNumber: business.e164, tokenExpiresAt: '2027-03-01T00:00:00.000Z' });

    const [connection] = await connections(tenant.id);
    expect(connection).to.include({
      id: done.connectionId,
      provider: 'meta',
      status: 'active',
      source: 'onboarding',
      phone_number: business.e164,
      phone_number_id: business.phoneNumberId,
      business_account_id: business.wabaId,
      quality_rating: 'GREEN',
    });
    expect(connection.token_expires_at.toISOString()).to.equal('2027-03-01T00:00:00.000Z');
    // The stored token is the business's: the connection test asks Meta with it and succeeds.
    const tested = await api.post(`/whatsapp/connections/${connection.id}/test`, { key });
    expect(tested.body).to.include({
      ok: true,
      verifiedName: fake.connections.metaNumbers.get(business.phoneNumberId)!.verified_name,
    });
    // What Meta saw, in order: the app subscribed, the number registered with a 6-digit PIN, credit shared.
    expect(fake.onboarding.subscribedWabas.has(business.wabaId)).to.equal(true);
    expect(fake.onboarding.registeredPins.get(business.phoneNumberId)).to.match(/^\d{6}$/);
    expect(fake.onboarding.creditShared.has(business.wabaId)).to.equal(true);
    const credit = fake.requestsTo(`/v25.0/${CREDIT.lineId}/`)[0];
    expect(credit.headers.authorization).to.equal(`Bearer ${CREDIT.systemUserToken}`);

    const pin = fake.onboarding.registeredPins.get(business.phoneNumberId) as string;
    const row = await knex()('onboardings').where({ id: started.body.id }).first();
    for (const text of [
      JSON.stringify(done),
      JSON.stringify(started.body),
      row.secrets,
      connection.credentials,
    ])
      for (const secret of [business.token, business.code, APP.secret]) expect(text).not.to.include(secret);
    expect(row.secrets).not.to.include(pin);
    const audit = await knex()('whatsapp_audit_logs').where({ tenant_id: tenant.id }).orderBy('created_at');
    expect(audit.map((e) => e.action)).to.include.members(['ONBOARDING_STARTED', 'CONNECTION_ADDED']);
    for (const secret of [business.token, business.code, pin])
      expect(JSON.stringify(audit)).not.to.include(secret);
  });

  for (const [index, step] of STEPS.entries()) {
    it(`a failure at ${step} stops there with Meta's error, writes no connection, and a retry finishes`, async () => {
      const { tenant, key } = await staff('manager');
      const business = aBusiness(fake);
      const breakIt = failure(step, business.phoneNumberId);
      const started = await api.post('/onboarding/meta', { key, body: signupBody(business) });
      await settled();
      const failed = await show(key, started.body.id);
      expect(failed.status).to.equal('failed');
      expect(failed.steps.map((s: Step) => s.status)).to.deep.equal(
        STEPS.map((_, i) => (i < index ? 'done' : i === index ? 'failed' : 'pending')),
      );
      const error = failed.steps[index].error;
      expect(error.message).to.be.a('string').and.not.be.empty;
      expect(error.code).to.not.equal(null);
      expect(await connections(tenant.id)).to.have.length(0);

      breakIt.repair();
      const retried = await api.post(`/onboarding/${started.body.id}/retry`, { key });
      expect(retried.status).to.equal(202);
      expect(retried.body.steps[index]).to.include({ status: 'pending', error: null });
      await settled();
      expect((await show(key, started.body.id)).status).to.equal('done');
      expect(await connections(tenant.id)).to.have.length(1);
      // Idempotent steps: the code was exchanged once, whatever failed after it.
      expect(
        fake.requestsTo('/v25.0/oauth/access_token').filter((r) => r.query.get('code') === business.code),
      ).to.have.length(step === 'exchange_token' ? 2 : 1);
    });
  }

  /** Makes `step` fail at the fake; `repair` undoes what needs undoing. */
  function failure(step: string, phoneNumberId: string) {
    const next = (endpoint: OnboardingEndpoint, status = 500, body: object = TRANSIENT()) =>
      fake.onboarding.failNext(endpoint, status, body);
    const repair = () => undefined;
    switch (step) {
      case 'exchange_token':
        next('access_token');
        return { repair };
      case 'subscribe_webhooks':
        next('subscribed_apps', 403, graphError(200, '(#200) Permissions error'));
        return { repair };
      case 'register_phone':
        fake.onboarding.registeredPins.set(phoneNumberId, 'other PIN');
        return { repair: () => fake.onboarding.registeredPins.delete(phoneNumberId) };
      case 'share_credit_line':
        next('credit_sharing', 400, graphError(100, '(#100) Invalid parameter'));
        return { repair };
      case 'fetch_number': {
        const number = fake.connections.metaNumbers.get(phoneNumberId)!;
        fake.connections.metaNumbers.delete(phoneNumberId);
        return { repair: () => fake.connections.metaNumbers.set(phoneNumberId, number) };
      }
      default:
        next('debug_token');
        return { repair };
    }
  }

  it('a reused code fails exchange_token with Graph’s OAuthException (subcode 36009) and connects nothing', async () => {
    const { tenant, key } = await staff('manager');
    const business = aBusiness(fake);
    fake.onboarding.codes.get(business.code)!.used = true;
    const started = await api.post('/onboarding/meta', { key, body: signupBody(business) });
    await settled();
    const failed = await show(key, started.body.id);
    expect(failed.steps[0].error).to.include({
      message: 'This authorization code has been used.',
      code: '100',
      subcode: 36009,
      type: 'OAuthException',
    });
    expect(failed.steps[0].error.fbtraceId).to.be.a('string');
    expect(await connections(tenant.id)).to.have.length(0);
    expect(CODE_USED()).to.have.nested.property('error.error_subcode', 36009);
  });

  it('a phone registered with another PIN fails register_phone with code 133005, and a retry after it is reset works', async () => {
    const { tenant, key } = await staff('manager');
    const business = aBusiness(fake);
    fake.onboarding.registeredPins.set(business.phoneNumberId, '000000x');
    const started = await api.post('/onboarding/meta', { key, body: signupBody(business) });
    await settled();
    const failed = await show(key, started.body.id);
    expect(failed.steps[2].error).to.include({
      code: '133005',
      message: (PIN_MISMATCH() as { error: { message: string } }).error.message,
    });
    expect(await connections(tenant.id)).to.have.length(0);
    fake.onboarding.registeredPins.delete(business.phoneNumberId);
    await api.post(`/onboarding/${started.body.id}/retry`, { key });
    await settled();
    expect((await show(key, started.body.id)).status).to.equal('done');
  });

  it('refuses a WABA another tenant has connected (409 naming it) and writes nothing; a race is the last step’s error', async () => {
    const first = await staff('manager');
    const business = aBusiness(fake);
    await api.post('/onboarding/meta', { key: first.key, body: signupBody(business) });
    await settled();
    const other = await staff('manager');
    const again = aBusiness(fake);
    const refused = await api.post('/onboarding/meta', {
      key: other.key,
      body: { ...signupBody(again), wabaId: business.wabaId },
    });
    expect(refused.status).to.equal(409);
    expect(refused.body.code).to.equal('ONBOARDING_ALREADY_CONNECTED');
    expect(refused.body.detail).to.include(business.wabaId);
    expect(await knex()('onboardings').where({ tenant_id: other.tenant.id })).to.have.length(0);

    // Taken while the steps run: activate fails naming the WABA, and nothing is connected.
    const racing = aBusiness(fake);
    fake.onboarding.failNext('debug_token', 500, TRANSIENT());
    const started = await api.post('/onboarding/meta', { key: other.key, body: signupBody(racing) });
    await settled();
    await api.post('/whatsapp/connections', {
      key: first.key,
      body: {
        provider: 'meta',
        phoneNumber: '+15550209999',
        phoneNumberId: '999000000000001',
        businessAccountId: racing.wabaId,
        accessToken: 'EAAG-x',
        webhookSecret: 'x',
      },
    });
    await api.post(`/onboarding/${started.body.id}/retry`, { key: other.key });
    await settled();
    const failed = await show(other.key, started.body.id);
    expect(failed.steps[5].status).to.equal('failed');
    expect(failed.steps[5].error.message).to.include(racing.wabaId);
    expect(await connections(other.tenant.id)).to.have.length(0);
  });

  it('the same code submitted twice is one onboarding and one connection; another tenant’s submission is refused', async () => {
    const { tenant, key } = await staff('manager');
    const business = aBusiness(fake);
    const [a, b] = await Promise.all([
      api.post('/onboarding/meta', { key, body: signupBody(business) }),
      api.post('/onboarding/meta', { key, body: signupBody(business) }),
    ]);
    expect([a.status, b.status]).to.deep.equal([202, 202]);
    expect(a.body.id).to.equal(b.body.id);
    await settled();
    const third = await api.post('/onboarding/meta', { key, body: signupBody(business) });
    expect(third.body).to.include({ id: a.body.id, status: 'done' });
    expect(await connections(tenant.id)).to.have.length(1);
    expect(
      fake.requestsTo('/v25.0/oauth/access_token').filter((r) => r.query.get('code') === business.code),
    ).to.have.length(1);
    const stranger = await staff('manager');
    const refused = await api.post('/onboarding/meta', { key: stranger.key, body: signupBody(business) });
    expect(refused.status).to.equal(409);
  });

  it('an onboarded number receives deliveries signed with META_APP_SECRET, each landing only in its own tenant', async () => {
    const a = await staff('manager');
    const b = await staff('manager');
    const numberA = aBusiness(fake);
    const numberB = aBusiness(fake);
    await api.post('/onboarding/meta', { key: a.key, body: signupBody(numberA) });
    await api.post('/onboarding/meta', { key: b.key, body: signupBody(numberB) });
    await settled();
    const deliver = (body: string, secret: string) =>
      request(api.app)
        .post('/api/whatsapp/webhook')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signMetaBody(body, secret))
        .send(body);
    const toA = metaDeliveryTo(numberA, '+5491160004444', 'Hola, quiero info');
    await deliver(toA, 'some-other-secret').expect(401);
    await deliver(toA, APP.secret).expect(200);
    await api.context.container.get(InboxProcessor).drain();
    const inbound = await knex()('whatsapp_messages').where({ direction: 'INBOUND' });
    expect(inbound.map((m) => m.tenant_id)).to.deep.equal([a.tenant.id]);
    expect(
      await knex()('whatsapp_messages').where({ tenant_id: b.tenant.id, direction: 'INBOUND' }),
    ).to.have.length(0);
  });

  it('onboarding its own number again renews the connection’s token in place (no second connection)', async () => {
    const { tenant, key } = await staff('manager');
    const first = aBusiness(fake, { expiresAt: Date.parse('2027-01-10T00:00:00Z') / 1000 });
    await api.post('/onboarding/meta', { key, body: signupBody(first) });
    await settled();
    const [before] = await connections(tenant.id);
    const renewal = aBusiness(fake);
    fake.onboarding.codes.set(renewal.code, {
      ...first,
      token: renewal.token,
      expiresAt: 0,
    });
    const again = await api.post('/onboarding/meta', {
      key,
      body: { ...signupBody(first), code: renewal.code },
    });
    expect(again.status).to.equal(202);
    await settled();
    expect((await show(key, again.body.id)).status).to.equal('done');
    const [after, ...more] = await connections(tenant.id);
    expect(more).to.have.length(0);
    expect(after).to.include({ id: before.id, token_expires_at: null });
    expect(after.credentials).not.to.equal(before.credentials);
    // Registered again with the PIN it was registered with (a new one would be Meta's 133005).
    expect(fake.onboarding.registeredPins.get(first.phoneNumberId)).to.match(/^\d{6}$/);
    const tested = await api.post(`/whatsapp/connections/${after.id}/test`, { key });
    expect(tested.body.ok).to.equal(true);
    expect(fake.requestsTo(`/v25.0/${first.phoneNumberId}`).at(-1)!.headers.authorization).to.equal(
      `Bearer ${renewal.token}`,
    );
  });

  it('is for managers of the tenant only, shows no other tenant’s onboarding, and serves only public ids', async () => {
    const { tenant, key } = await staff('manager');
    const sales = await staff('sales', tenant);
    expect(
      (await api.post('/onboarding/meta', { key: sales.key, body: signupBody(aBusiness(fake)) })).status,
    ).to.equal(403);
    const started = await api.post('/onboarding/meta', { key, body: signupBody(aBusiness(fake)) });
    await settled();
    const stranger = await staff('manager');
    expect((await api.get(`/onboarding/${started.body.id}`, { key: stranger.key })).status).to.equal(404);
    expect((await api.post(`/onboarding/${started.body.id}/retry`, { key })).status).to.equal(409);
    const config = await api.get('/onboarding/config', { key });
    expect(config.body).to.deep.equal({
      meta: { appId: APP.id, configId: APP.configId },
      dialog360: { partnerId: 'wAbC12PA' },
    });
    expect(config.text).not.to.include(APP.secret);
    const bad = await api.post('/onboarding/meta', {
      key,
      body: { code: '', wabaId: 'x1', phoneNumberId: '12' },
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).to.have.members(['code', 'wabaId']);
  });

  it('lists the tenant’s onboardings newest first, by status and page, without secrets or other tenants’', async () => {
    const { tenant, key } = await staff('manager');
    const worked = await api.post('/onboarding/meta', { key, body: signupBody(aBusiness(fake)) });
    const reused = aBusiness(fake);
    fake.onboarding.codes.get(reused.code)!.used = true;
    const failed = await api.post('/onboarding/meta', { key, body: signupBody(reused) });
    await settled();
    await api.post('/onboarding/meta', {
      key: (await staff('manager')).key,
      body: signupBody(aBusiness(fake)),
    });
    await settled();

    const all = await api.get('/onboarding', { key });
    expect(all.status).to.equal(200);
    expect(all.body.data.map((o: { id: string }) => o.id)).to.deep.equal([failed.body.id, worked.body.id]);
    expect(all.body.data[0].steps[0].error.subcode).to.equal(36009);
    expect(all.body.data.every((o: { tenantId: string }) => o.tenantId === tenant.id)).to.equal(true);
    const stored = await knex()('onboardings').where({ id: worked.body.id }).first();
    expect(stored.secrets).to.be.a('string');
    expect(all.text).not.to.include(stored.secrets);

    const done = await api.get('/onboarding?status=done', { key });
    expect(done.body.data.map((o: { id: string }) => o.id)).to.deep.equal([worked.body.id]);
    const first = await api.get('/onboarding?limit=1', { key });
    expect(first.body.data).to.have.length(1);
    const second = await api.get(`/onboarding?limit=1&cursor=${first.body.nextCursor}`, { key });
    expect(second.body.data.map((o: { id: string }) => o.id)).to.deep.equal([worked.body.id]);
    expect(second.body.nextCursor).to.equal(null);

    expect((await api.get('/onboarding?status=paused', { key })).body.fields[0].field).to.equal('status');
    expect((await api.get('/onboarding', { key: (await staff('sales', tenant)).key })).status).to.equal(403);
  });
});
