import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { cookieFrom, signInByCode } from '../../support/consoleSignIn';

describe('Console sessions', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('requires the session’s CSRF token on changes made with the cookie, not on reads or API keys', async () => {
    const { user, key } = await staff('operations');
    const { cookie, csrfToken } = await signInByCode(api, user.phone);
    const trip = { code: 'TRP900', name: 'Iguazu', departureDate: '2026-12-01' };
    const without = await api.post('/trips', { headers: { cookie }, body: trip });
    expect(without.status).to.equal(403);
    expect(without.body.code).to.equal('CSRF_TOKEN_INVALID');
    const forged = await api.post('/trips', {
      headers: { cookie, 'x-csrf-token': 'x'.repeat(43) },
      body: trip,
    });
    expect(forged.status).to.equal(403);
    const ok = await api.post('/trips', { headers: { cookie, 'x-csrf-token': csrfToken }, body: trip });
    expect(ok.status).to.equal(201);
    expect((await api.get('/trips', { headers: { cookie } })).status).to.equal(200);
    const byKey = await api.post('/trips', { key, body: { ...trip, code: 'TRP901' } });
    expect(byKey.status).to.equal(201);
  });

  it('hands the CSRF token back to a reloaded page through GET /auth/session', async () => {
    const { user } = await staff('sales');
    const { cookie, csrfToken, body } = await signInByCode(api, user.phone);
    const res = await api.get('/auth/session', { headers: { cookie } });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ sessionId: body.sessionId, csrfToken });
    expect(res.body.tenant.id).to.equal(user.tenantId);
    const byKey = await api.get('/auth/session', { key: (await staff('sales')).key });
    expect(byKey.status).to.equal(404);
  });

  it('signs out: the cookie is cleared and stops working', async () => {
    const { user } = await staff('sales');
    const { cookie, csrfToken } = await signInByCode(api, user.phone);
    const out = await api.delete('/auth/session', { headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).to.equal(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).to.match(
      /^wa_ops_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    const after = await api.get('/me', { headers: { cookie } });
    expect(after.status).to.equal(401);
    expect(after.body.code).to.equal('SESSION_EXPIRED');
  });

  it('signs in with an API key, and rotating that key ends the session it opened', async () => {
    const { user, key } = await staff('manager');
    const res = await api.post('/auth/session', { body: { apiKey: key } });
    expect(res.status).to.equal(201);
    const cookie = cookieFrom(res);
    expect((await api.get('/me', { headers: { cookie } })).status).to.equal(200);
    await api.post(`/users/${user.id}/api-keys`, { key, body: {} });
    expect((await api.get('/me', { headers: { cookie } })).status).to.equal(401);
    const wrong = await api.post('/auth/session', { body: { apiKey: 'wao_nope' } });
    expect(wrong.status).to.equal(401);
    const both = await api.post('/auth/session', {
      body: { apiKey: key, phone: user.phone, code: '123456' },
    });
    expect(both.status).to.equal(400);
  });

  it('ends sessions a week after their last use, and moves that on with each use', async () => {
    const { user } = await staff('sales');
    const { cookie } = await signInByCode(api, user.phone);
    api.context.clock.advance(6 * 24 * 3600_000);
    expect((await api.get('/me', { headers: { cookie } })).status).to.equal(200);
    api.context.clock.advance(6 * 24 * 3600_000);
    expect((await api.get('/me', { headers: { cookie } })).status).to.equal(200);
    api.context.clock.advance(7 * 24 * 3600_000 + 1000);
    expect((await api.get('/me', { headers: { cookie } })).status).to.equal(401);
  });

  it('lists live sessions (one’s own; a manager’s, everyone’s) and revokes them', async () => {
    const { user: rep, tenant } = await staff('sales');
    const { user: boss } = await staff('manager', tenant);
    const repSession = await signInByCode(api, rep.phone);
    const bossSession = await signInByCode(api, boss.phone);
    const own = await api.get('/auth/sessions', { headers: { cookie: repSession.cookie } });
    expect(own.body.data.map((s: { userId: string }) => s.userId)).to.deep.equal([rep.id]);
    expect(own.body.data[0].current).to.equal(true);
    const all = await api.get('/auth/sessions', { headers: { cookie: bossSession.cookie } });
    expect(all.body.data).to.have.length(2);
    const refused = await api.delete(`/auth/sessions/${bossSession.body.sessionId}`, {
      headers: { cookie: repSession.cookie, 'x-csrf-token': repSession.csrfToken },
    });
    expect(refused.status).to.equal(403);
    const revoked = await api.delete(`/auth/sessions/${repSession.body.sessionId}`, {
      headers: { cookie: bossSession.cookie, 'x-csrf-token': bossSession.csrfToken },
    });
    expect(revoked.status).to.equal(204);
    expect((await api.get('/me', { headers: { cookie: repSession.cookie } })).status).to.equal(401);
  });

  it('stops the sessions of a user who is deactivated', async () => {
    const { user: rep, tenant } = await staff('sales');
    const { key } = await staff('manager', tenant);
    const { cookie } = await signInByCode(api, rep.phone);
    await api.patch(`/users/${rep.id}`, { key, body: { active: false } });
    expect((await api.get('/me', { headers: { cookie } })).status).to.equal(401);
  });
});
