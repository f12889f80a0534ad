import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';

describe('REST: GET|PUT /settings/payments (SPEC §22)', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('starts empty, names the webhook URLs to register, and keeps secrets write-only and encrypted', async () => {
    const { tenant, key } = await staff('manager');
    const empty = await api.get('/settings/payments', { key });
    expect(empty.body).to.deep.include({
      paymentUrlTemplate: null,
      instructions: null,
      hasWebhookSecret: false,
      mercadopago: { hasAccessToken: false, hasWebhookSecret: false },
      updatedAt: null,
    });
    expect(empty.body.webhookUrls.mercadopago).to.equal(
      `http://localhost:3000/api/payments/webhook/mercadopago?tenant=${tenant.id}`,
    );
    const put = await api.put('/settings/payments', {
      key,
      body: {
        paymentUrlTemplate: 'https://pay.example.com/checkout?ref={ref}&amount={amount}&currency={currency}',
        instructions: 'Transfer to CBU 0000003100010000000001, reference your booking.',
        webhookSecret: 'generic-secret-123',
        mercadopago: { accessToken: 'APP_USR-123-token', webhookSecret: 'mp-secret-456' },
      },
    });
    expect(put.status).to.equal(200);
    expect(put.body).to.deep.include({
      hasWebhookSecret: true,
      mercadopago: { hasAccessToken: true, hasWebhookSecret: true },
    });
    expect(JSON.stringify(put.body)).not.to.match(/generic-secret|APP_USR|mp-secret/);
    const [row] = await testDb().knex('payment_settings').where({ tenant_id: tenant.id });
    expect(row.credentials).to.match(/^v1\./);
    expect(row.credentials).not.to.match(/generic-secret|APP_USR|mp-secret/);
    const [audit] = await testDb().knex('whatsapp_audit_logs').where({ action: 'PAYMENT_SETTINGS_UPDATED' });
    expect(audit.details.changed).to.deep.equal([
      'instructions',
      'mercadopago.accessToken',
      'mercadopago.webhookSecret',
      'paymentUrlTemplate',
      'webhookSecret',
    ]);
    expect(JSON.stringify(audit.details)).not.to.match(/generic-secret|APP_USR|mp-secret/);
  });

  it('leaves what a PUT omits, and clears what it sets to null', async () => {
    const { key } = await staff('manager');
    await api.put('/settings/payments', {
      key,
      body: { instructions: 'Cash at the office', mercadopago: { accessToken: 'APP_USR-1-token' } },
    });
    const next = await api.put('/settings/payments', {
      key,
      body: { webhookSecret: 'a-new-generic-secret', mercadopago: { accessToken: null } },
    });
    expect(next.body).to.deep.include({
      instructions: 'Cash at the office',
      hasWebhookSecret: true,
      mercadopago: { hasAccessToken: false, hasWebhookSecret: false },
    });
  });

  it('answers 400 naming a bad template or a short secret, and 403 to anyone but a manager', async () => {
    const { tenant, key } = await staff('manager');
    for (const [template, message] of [
      ['https://pay.example.com/{booking}', /\{ref\}, \{amount\} and \{currency\} only/],
      ['ftp://pay.example.com/{ref}', /http or https/],
      ['/pay/{ref}', /absolute URL/],
    ] as const) {
      const res = await api.put('/settings/payments', { key, body: { paymentUrlTemplate: template } });
      expect(res.status).to.equal(400);
      expect(res.body.fields[0].field).to.equal('paymentUrlTemplate');
      expect(res.body.fields[0].message).to.match(message);
    }
    const short = await api.put('/settings/payments', { key, body: { mercadopago: { webhookSecret: 'x' } } });
    expect(short.body.fields[0].field).to.equal('mercadopago.webhookSecret');
    for (const role of ['sales', 'operations'] as const) {
      const other = await staff(role, tenant);
      expect((await api.get('/settings/payments', { key: other.key })).status).to.equal(403);
      expect((await api.put('/settings/payments', { key: other.key, body: {} })).status).to.equal(403);
    }
    expect(await testDb().knex('payment_settings')).to.deep.equal([]);
  });
});
