import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';
import { waitFor } from '../../support/process/waitFor';

const LIMIT = 3;

/** Failed authentications are counted per client address; past the limit the client gets 429. */
describe('failed authentication is rate-limited per client address', () => {
  const appWith = (env: Record<string, string> = {}) =>
    createApp(testContainer({ AUTH_FAILURE_LIMIT: String(LIMIT), ...env }).container);

  it('answers 429 with Retry-After once an address failed too often, valid key included; other addresses are unaffected', async () => {
    const tenant = await aTenant();
    const other = await aTenant();
    const { apiKey } = await aUser(tenant, { role: 'manager' });
    const http = request(appWith());
    const me = (key: string, from: string) =>
      http.get('/api/v1/me').set('authorization', `Bearer ${key}`).set('x-forwarded-for', from);

    for (let i = 0; i < LIMIT; i++) expect((await me(`wao_guess${i}`, '203.0.113.7')).status).to.equal(401);
    const refused = await me(apiKey, '203.0.113.7');
    expect(refused.status).to.equal(429);
    expect(refused.body).to.include({ code: 'TOO_MANY_FAILED_ATTEMPTS' });
    expect(Number(refused.headers['retry-after'])).to.be.within(1, 600);
    expect((await me(apiKey, '203.0.113.8')).status).to.equal(200);

    const metrics = (await http.get('/metrics')).text;
    expect(metrics).to.include('waops_auth_failures_total{surface="api_key"} 3');
    expect(metrics).to.include('waops_auth_rate_limited_total{surface="api_key"} 1');
    const audited = () =>
      testDb().knex('whatsapp_audit_logs').where({ action: 'AUTHENTICATION_THROTTLED' }).select('*');
    await waitFor('the throttle audited', async () => (await audited()).length === 2, { timeoutMs: 5000 });
    const entries = await audited();
    expect(entries.map((e) => e.tenant_id)).to.have.members([tenant.id, other.id]);
    expect(entries[0].details).to.deep.include({
      client: '203.0.113.7',
      surface: 'api_key',
      failures: LIMIT,
    });
  });

  it('does not count requests that present no credentials at all', async () => {
    const http = request(appWith());
    for (let i = 0; i < LIMIT * 3; i++)
      expect((await http.get('/api/v1/me').set('x-forwarded-for', '203.0.113.20')).status).to.equal(401);
    expect((await http.get('/metrics')).text).not.to.include('waops_auth_failures_total{');
  });

  it('counts an IPv6 client by its /64', async () => {
    const http = request(appWith());
    const me = (from: string) =>
      http.get('/api/v1/me').set('authorization', 'Bearer wao_x').set('x-forwarded-for', from);
    for (const suffix of ['1', '2', 'ffff'].slice(0, LIMIT)) await me(`2a00:1450:4001:81c::${suffix}`);
    expect((await me('2a00:1450:4001:81c:aaaa::1')).status).to.equal(429);
    expect((await me('2a00:1450:4001:81d::1')).status).to.equal(401);
  });

  it('does not let a client pick its address when no proxy is trusted', async () => {
    const http = request(appWith({ TRUST_PROXY: 'false' }));
    for (let i = 0; i < LIMIT; i++)
      await http
        .get('/api/v1/me')
        .set('authorization', 'Bearer wao_x')
        .set('x-forwarded-for', `198.51.100.${i}`);
    const next = await http.get('/api/v1/me').set('x-forwarded-for', '198.51.100.99');
    expect(next.status).to.equal(429);
  });

  it('limits guesses of the webhook verify token the same way', async () => {
    const h = request(appWith());
    const verify = (token: string) =>
      h
        .get('/api/whatsapp/webhook')
        .set('x-forwarded-for', '203.0.113.9')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '42' });
    for (let i = 0; i < LIMIT; i++) expect((await verify(`guess-${i}`)).status).to.equal(403);
    const refused = await verify('guess-next');
    expect(refused.status).to.equal(429);
    expect(refused.headers).to.have.property('retry-after');
  });
  it('counts wrong sign-in codes and keys; past the limit even a valid key cannot open a session', async () => {
    const tenant = await aTenant();
    const { apiKey, phone } = await aUser(tenant, { role: 'manager' });
    const http = request(appWith());
    const signIn = (body: object) =>
      http.post('/api/v1/auth/session').set('x-forwarded-for', '203.0.113.30').send(body);

    expect((await signIn({ phone, code: '000000' })).status).to.equal(401);
    for (let i = 1; i < LIMIT; i++) expect((await signIn({ apiKey: `wao_guess${i}` })).status).to.equal(401);
    expect((await signIn({ apiKey })).status).to.equal(429);
    expect((await http.get('/metrics')).text).to.include('waops_auth_failures_total{surface="sign_in"} 3');
    const elsewhere = await http
      .post('/api/v1/auth/session')
      .set('x-forwarded-for', '203.0.113.31')
      .send({ apiKey });
    expect(elsewhere.status).to.equal(201);
  });
});
