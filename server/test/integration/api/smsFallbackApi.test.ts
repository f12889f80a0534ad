import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

const fieldsOf = (res: { body: { fields?: Array<{ field: string }> } }) =>
  (res.body.fields ?? []).map((f) => f.field);

describe('REST: GET|PUT /settings/sms-fallback', () => {
  const withTwilio = () =>
    new ApiClient(testContainer({ TWILIO_ACCOUNT_SID: `AC${'e'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'token' }));

  it('is off until a manager turns it on with an E.164 number; audited', async () => {
    const api = withTwilio();
    const { tenant, key } = await staff('manager');
    expect((await api.get('/settings/sms-fallback', { key })).body).to.deep.equal({
      enabled: false,
      from: null,
    });
    const put = await api.put('/settings/sms-fallback', {
      key,
      body: { enabled: true, from: '+1 415 555 0123' },
    });
    expect(put.status).to.equal(200);
    expect(put.body).to.deep.equal({ enabled: true, from: '+14155550123' });
    expect((await api.get('/settings/sms-fallback', { key })).body).to.deep.equal(put.body);
    const [audit] = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenant.id, action: 'SMS_FALLBACK_UPDATED' });
    expect(audit.details).to.deep.equal({ enabled: true, from: '+14155550123' });
  });

  it('is for managers only (403)', async () => {
    const api = withTwilio();
    const { key } = await staff('operations');
    expect((await api.get('/settings/sms-fallback', { key })).status).to.equal(403);
    expect((await api.put('/settings/sms-fallback', { key, body: { enabled: false } })).status).to.equal(403);
  });

  it('names the field: no number 400 `from`, a bad one 400 `from`, no Twilio credentials 422 `enabled`', async () => {
    const { key } = await staff('manager');
    const api = withTwilio();
    const noNumber = await api.put('/settings/sms-fallback', { key, body: { enabled: true } });
    expect([noNumber.status, fieldsOf(noNumber)]).to.deep.equal([400, ['from']]);
    const local = await api.put('/settings/sms-fallback', { key, body: { enabled: true, from: '555 0100' } });
    expect([local.status, fieldsOf(local)]).to.deep.equal([400, ['from']]);
    const noTwilio = await new ApiClient().put('/settings/sms-fallback', {
      key,
      body: { enabled: true, from: '+14155550123' },
    });
    expect([noTwilio.status, noTwilio.body.code, fieldsOf(noTwilio)]).to.deep.equal([
      422,
      'SMS_UNAVAILABLE',
      ['enabled'],
    ]);
    const off = await new ApiClient().put('/settings/sms-fallback', {
      key,
      body: { enabled: false, from: null },
    });
    expect(off.body).to.deep.equal({ enabled: false, from: null });
  });
});
