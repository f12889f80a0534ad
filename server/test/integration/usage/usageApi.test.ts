import crypto from 'node:crypto';
import { expect } from 'chai';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import request from 'supertest';
import { ApiClient, staff } from '../../support/apiClient';
import { loadFixture } from '../../support/fixtures';
import { inboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone } from '../../support/salesBuilders';
import { alreadyUsed, onPlan } from './usageKit';

const knex = () => testDb().knex;
const MARCH = '2026-03-01';

async function aNumber(tenantId: string, provider = 'console', phone = '+5491155550100') {
  await knex()('whatsapp_configurations').insert({ tenant_id: tenantId, provider, phone_number: phone });
}

describe('REST: usage and click-to-chat', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('answers 429 LIMIT_REACHED to a staff send at the plan’s limit, and counts it below', async () => {
    const { tenant, key } = await staff('sales');
    await onPlan(tenant.id, 'professional');
    const phone = aCustomerPhone();
    await knex()('whatsapp_conversations').insert({
      tenant_id: tenant.id,
      customer_phone: phone,
      last_inbound_at: api.context.clock.now(),
    });
    await alreadyUsed(tenant.id, MARCH, 'messages', 999);
    expect((await api.post('/messages', { key, body: { to: phone, text: 'One more' } })).status).to.equal(
      202,
    );
    const refused = await api.post('/messages', { key, body: { to: phone, text: 'Too many' } });
    expect(refused.status).to.equal(429);
    expect(refused.body).to.include({
      code: 'LIMIT_REACHED',
      counter: 'messages',
      limit: 1_000,
      resetsOn: '2026-04-01',
      resetsAt: '2026-04-01T00:00:00.000Z',
    });
    expect(refused.headers['retry-after']).to.equal('Wed, 01 Apr 2026 00:00:00 GMT');
    const { key: managerKey } = await staff('manager', tenant);
    const usage = await api.get('/usage', { key: managerKey });
    expect(usage.status).to.equal(200);
    expect(usage.body).to.deep.include({
      plan: 'professional',
      timezone: 'UTC',
      period: { start: '2026-03-01', end: '2026-04-01' },
      counters: [
        { counter: 'messages', used: 1_000, limit: 1_000 },
        { counter: 'ai_conversations', used: 0, limit: 500 },
      ],
      estimatedCost: null,
    });
    expect((await api.get('/usage', { key })).status, 'managers only').to.equal(403);
  });

  it('gives the wa.me link, and a PNG QR code that decodes back to it', async () => {
    const { tenant, key } = await staff('sales');
    await onPlan(tenant.id, 'starter');
    await aNumber(tenant.id);
    const text = 'Hola! Quiero reservar 2 lugares & más?';
    const json = await api.get('/click-to-chat', { key, query: { text } });
    expect(json.status).to.equal(200);
    const url = `https://wa.me/5491155550100?text=${encodeURIComponent(text)}`;
    expect(json.body).to.deep.equal({ url, phone: '5491155550100' });
    const png = await request(api.app)
      .get('/api/v1/click-to-chat')
      .query({ text, format: 'png' })
      .set('authorization', `Bearer ${key}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(png.status).to.equal(200);
    expect(png.headers['content-type']).to.match(/^image\/png/);
    const image = PNG.sync.read(png.body as Buffer);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).to.equal(url);
    const svg = await api.get('/click-to-chat', { key, query: { format: 'svg' } });
    expect(svg.headers['content-type']).to.match(/^image\/svg\+xml/);
    expect(svg.text ?? String(svg.body)).to.include('<svg');
  });

  it('keeps one responder at a time below business (403 PLAN_FEATURE), several on business', async () => {
    const { tenant, key } = await staff('manager');
    const other = await staff('sales', tenant);
    const { user: me } = await staff('sales', tenant);
    await onPlan(tenant.id, 'professional');
    const [first, second] = (await knex()('whatsapp_conversations')
      .insert(
        [aCustomerPhone(), aCustomerPhone()].map((customer_phone) => ({
          tenant_id: tenant.id,
          customer_phone,
        })),
      )
      .returning('id')) as Array<{ id: string }>;
    expect(
      (await api.patch(`/conversations/${first.id}`, { key, body: { assignedTo: me.id } })).status,
    ).to.equal(200);
    const refused = await api.patch(`/conversations/${second.id}`, {
      key,
      body: { assignedTo: other.user.id },
    });
    expect(refused.status).to.equal(403);
    expect(refused.body).to.include({ code: 'PLAN_FEATURE', feature: 'multiple_responders' });
    expect(
      (await api.patch(`/conversations/${second.id}`, { key, body: { assignedTo: me.id } })).status,
    ).to.equal(200);
    const moved = await api.patch(`/conversations/${first.id}`, { key, body: { assignedTo: other.user.id } });
    expect(moved.status, 'the other conversation still has me').to.equal(403);
    await onPlan(tenant.id, 'business');
    expect(
      (await api.patch(`/conversations/${first.id}`, { key, body: { assignedTo: other.user.id } })).status,
    ).to.equal(200);
  });

  it('refuses click-to-chat on the free plan (403 PLAN_FEATURE) and without a number (422)', async () => {
    const { tenant, key } = await staff('sales');
    await onPlan(tenant.id, 'free');
    await aNumber(tenant.id);
    const refused = await api.get('/click-to-chat', { key });
    expect(refused.status).to.equal(403);
    expect(refused.body).to.include({ code: 'PLAN_FEATURE', feature: 'click_to_chat', plan: 'free' });
    const other = await staff('sales');
    const none = await api.get('/click-to-chat', { key: other.key });
    expect(none.status).to.equal(422);
    expect(none.body.code).to.equal('NO_PHONE_NUMBER');
  });
});

describe('usage: Meta pricing from status webhooks', () => {
  it('stores the category on the message and counts a billable message once despite repeated statuses', async () => {
    const h = await inboundHarness();
    const delivery = JSON.parse(loadFixture('meta-status-sent.json').toString('utf8'));
    const status = delivery.entry[0].changes[0].value.statuses[0];
    const id = crypto.randomUUID();
    await knex()('whatsapp_messages').insert({
      id,
      tenant_id: h.tenantId,
      direction: 'OUTBOUND',
      type: 'text',
      customer_phone: '+15551234567',
      content: JSON.stringify({ purpose: 'reply', text: 'Your lead is LD-7' }),
      status: 'sending',
      provider_message_id: status.id,
      attempts: 1,
      available_at: h.clock.now(),
    });
    const { key } = await staff('manager', { id: h.tenantId } as Parameters<typeof staff>[1]);
    await h.http
      .put('/api/v1/settings/pricing')
      .set('authorization', `Bearer ${key}`)
      .send({ currency: 'usd', prices: { utility: 0.0113, marketing: 0.0625 } })
      .expect(200, { currency: 'USD', prices: { utility: 0.0113, marketing: 0.0625 } });
    const post = async (statusName: string, timestamp: string) => {
      status.status = statusName;
      status.timestamp = timestamp;
      await h.postMeta(JSON.stringify(delivery)).expect(200);
      await h.processor.drain();
    };
    await post('sent', '1789011745');
    await post('sent', '1789011745'); // a redelivery
    await post('delivered', '1789011750');
    await post('read', '1789011760');
    const row = await knex()('whatsapp_messages')
      .where({ id })
      .first('pricing_category', 'billable', 'status');
    expect(row).to.deep.equal({ pricing_category: 'utility', billable: true, status: 'read' });
    const counted = await knex()('usage_counters').where({
      tenant_id: h.tenantId,
      counter: 'billable:utility',
    });
    expect(counted.map((c: { used: number }) => c.used)).to.deep.equal([1]);
    const usage = await h.http.get('/api/v1/usage').set('authorization', `Bearer ${key}`);
    expect(usage.body.billable).to.deep.equal([
      { category: 'utility', messages: 1, unitPrice: 0.0113, cost: 0.0113 },
    ]);
    expect(usage.body.estimatedCost).to.deep.equal({ currency: 'USD', total: 0.0113 });
  });
  it('keeps the prices for the estimate: managers only, each field checked, none removes them', async () => {
    const api = new ApiClient();
    const { tenant, key } = await staff('manager');
    const prices = (body: object) => api.put('/settings/pricing', { key, body });
    expect((await api.get('/settings/pricing', { key })).body).to.deep.equal({ currency: null, prices: {} });

    const bad = await prices({ currency: 'dollars', prices: { marketing: -1 } });
    expect(bad.status).to.equal(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members([
      'currency',
      'prices.marketing',
    ]);

    expect((await prices({ prices: { marketing: 0.0625 } })).status).to.equal(200);
    const audit = await knex()('whatsapp_audit_logs').where({
      tenant_id: tenant.id,
      action: 'PRICING_UPDATED',
    });
    expect(audit).to.have.length(1);
    expect((await api.get('/settings/pricing', { key })).body).to.deep.equal({
      currency: null,
      prices: { marketing: 0.0625 },
    });

    expect((await prices({ prices: {} })).body).to.deep.equal({ currency: null, prices: {} });
    const row = await knex()('tenants').where({ id: tenant.id }).first('settings');
    expect(row.settings).not.to.have.property('pricePerCategory');

    const { key: salesKey } = await staff('sales', tenant);
    expect((await api.put('/settings/pricing', { key: salesKey, body: { prices: {} } })).status).to.equal(
      403,
    );
  });
});
