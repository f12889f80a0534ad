import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { aTenant, aUser } from '../../support/builders';
import { cookieFrom, lastLoginCode, signInByCode } from '../../support/consoleSignIn';
import { testDb } from '../../support/integrationHooks';

const codeMessages = (phone: string) =>
  testDb()
    .knex('whatsapp_messages')
    .where({ customer_phone: phone, direction: 'OUTBOUND' })
    .whereRaw(`content->'template'->>'name' = 'login_code'`);

describe('Console sign-in by WhatsApp code', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('queues the login_code template (high priority) with the code in its body and copy-code button, stored only hashed', async () => {
    const { user } = await staff('sales');
    const res = await api.post('/auth/login-code', { body: { phone: user.phone } });
    expect(res.status).to.equal(202);
    expect(res.body).to.deep.equal({ expiresInSeconds: 600 });
    const [message] = await codeMessages(user.phone);
    const code = message.content.template.params[0];
    expect(code).to.match(/^\d{6}$/);
    expect(message.content.template.buttons).to.deep.equal([{ index: 0, type: 'url', text: code }]);
    expect(message.content.text).to.include(code);
    expect(message.priority).to.equal('high');
    const [stored] = await testDb().knex('login_codes').where({ user_id: user.id });
    expect(stored.code_hash)
      .to.match(/^[0-9a-f]{64}$/)
      .and.not.include(code);
    expect(JSON.stringify(stored)).not.to.include(`"${code}"`);
  });

  it('answers a phone that is not staff the same way and sends it nothing', async () => {
    const res = await api.post('/auth/login-code', { body: { phone: '+14155550999' } });
    expect(res.status).to.equal(202);
    expect(await codeMessages('+14155550999')).to.have.length(0);
    const bad = await api.post('/auth/login-code', { body: { phone: 'call me' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include('phone');
  });

  it('signs in with the code once: an httpOnly SameSite=Strict cookie that authenticates the API', async () => {
    const { user } = await staff('operations');
    await api.post('/auth/login-code', { body: { phone: user.phone } });
    const code = await lastLoginCode(user.phone);
    const res = await api.post('/auth/session', { body: { phone: user.phone, code } });
    expect(res.status).to.equal(201);
    const setCookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(setCookie).to.match(/^wa_ops_session=[\w-]{43};/);
    expect(setCookie).to.include('HttpOnly').and.include('SameSite=Strict').and.include('Path=/');
    expect(res.body.user.id).to.equal(user.id);
    expect(res.body.csrfToken).to.be.a('string');
    const me = await api.get('/me', { headers: { cookie: cookieFrom(res) } });
    expect(me.status).to.equal(200);
    expect(me.body.id).to.equal(user.id);
    const again = await api.post('/auth/session', { body: { phone: user.phone, code } });
    expect(again.status).to.equal(401);
    expect(again.body.code).to.equal('INVALID_CODE');
  });

  it('takes five tries per code: after five wrong guesses the right code no longer works', async () => {
    const { user } = await staff('sales');
    await api.post('/auth/login-code', { body: { phone: user.phone } });
    const code = await lastLoginCode(user.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await api.post('/auth/session', { body: { phone: user.phone, code: wrong } });
      expect(res.status).to.equal(401);
    }
    const late = await api.post('/auth/session', { body: { phone: user.phone, code } });
    expect(late.status).to.equal(401);
  });

  it('lets a code live ten minutes', async () => {
    const { user } = await staff('sales');
    await api.post('/auth/login-code', { body: { phone: user.phone } });
    const code = await lastLoginCode(user.phone);
    api.context.clock.advance(10 * 60_000 + 1);
    const res = await api.post('/auth/session', { body: { phone: user.phone, code } });
    expect(res.status).to.equal(401);
  });

  it('sends at most five codes per phone per hour, then again after the hour', async () => {
    const { user } = await staff('sales');
    for (let i = 0; i < 7; i++) await api.post('/auth/login-code', { body: { phone: user.phone } });
    expect(await codeMessages(user.phone)).to.have.length(5);
    api.context.clock.advance(60 * 60_000 + 1);
    await api.post('/auth/login-code', { body: { phone: user.phone } });
    expect(await codeMessages(user.phone)).to.have.length(6);
  });

  it('sends nothing to a deactivated user, and writes the code to the audit log without the code', async () => {
    const tenant = await aTenant();
    const gone = await aUser(tenant, { role: 'sales' });
    await testDb().knex('users').where({ id: gone.id }).update({ active: false });
    await api.post('/auth/login-code', { body: { phone: gone.phone } });
    expect(await codeMessages(gone.phone)).to.have.length(0);
    const { user } = await staff('sales', tenant);
    await signInByCode(api, user.phone);
    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenant.id })
      .orderBy('created_at');
    expect(audit.map((a) => a.action)).to.deep.equal(['LOGIN_CODE_SENT', 'SESSION_STARTED']);
  });

  it('sends staff of two tenants a code from each, and signs them into the tenant whose code they typed', async () => {
    const [first, second] = [await aTenant(), await aTenant()];
    const one = await aUser(first, { role: 'sales', phone: '+14155550777' });
    await aUser(second, { role: 'manager', phone: '+14155550777' });
    await api.post('/auth/login-code', { body: { phone: '+14155550777', tenant: second.slug } });
    expect((await codeMessages('+14155550777')).map((m) => m.tenant_id)).to.deep.equal([second.id]);
    await api.post('/auth/login-code', { body: { phone: '+14155550777' } });
    const fromFirst = (await codeMessages('+14155550777')).filter((m) => m.tenant_id === first.id);
    expect(fromFirst).to.have.length(1);
    const code = fromFirst[0].content.template.params[0];
    const res = await api.post('/auth/session', { body: { phone: '+14155550777', code } });
    expect(res.status).to.equal(201);
    expect(res.body.user.id).to.equal(one.id);
    expect(res.body.tenant.id).to.equal(first.id);
  });
});
