import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone } from '../../support/salesBuilders';
import { alreadyUsed, counter, onPlan } from './usageKit';

const knex = () => testDb().knex;
const MARCH = '2026-03-01';

describe('REST at the plan limit, on two instances', () => {
  it('admits exactly what is left of the month when two instances take sends at once', async () => {
    const one = new ApiClient();
    const two = new ApiClient(); // its own container (and clock) on the same database
    const { tenant, key } = await staff('sales');
    await onPlan(tenant.id, 'professional');
    const phones = Array.from({ length: 16 }, () => aCustomerPhone());
    await knex()('whatsapp_conversations').insert(
      phones.map((customer_phone) => ({
        tenant_id: tenant.id,
        customer_phone,
        last_inbound_at: one.context.clock.now(),
      })),
    );
    await alreadyUsed(tenant.id, MARCH, 'messages', 994);
    const answers = await Promise.all(
      phones.map((to, i) => (i % 2 ? two : one).post('/messages', { key, body: { to, text: `Hello ${i}` } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202)).to.have.length(6);
    expect(statuses.filter((s) => s === 429)).to.have.length(10);
    expect((await counter(tenant.id, MARCH))?.used).to.equal(1_000);
    const queued = await knex()('whatsapp_messages').where({ tenant_id: tenant.id, direction: 'OUTBOUND' });
    expect(queued).to.have.length(6);
  });

  it('refuses a whole broadcast that does not fit (429), queuing none of it', async () => {
    const api = new ApiClient();
    const { tenant, key } = await staff('operations');
    await onPlan(tenant.id, 'business');
    await api.post('/templates', {
      key,
      body: {
        name: 'trip_news',
        language: 'en',
        category: 'UTILITY',
        body: 'News: {{1}}.',
        bodyExamples: ['at 8'],
      },
    });
    const members = ['+14155550201', '+14155550202', '+14155550203'];
    const list = await api.post('/broadcast-lists', {
      key,
      body: { name: 'Group', members: members.map((phone) => ({ phone })) },
    });
    for (const phone of members) await api.post('/opt-ins', { key, body: { phone, source: 'web' } });
    await alreadyUsed(tenant.id, MARCH, 'messages', 4_998);
    const body = { template: { name: 'trip_news', language: 'en', params: ['at 8'] }, listId: list.body.id };
    const refused = await api.post('/broadcasts', { key, body });
    expect(refused.status).to.equal(429);
    expect(refused.body).to.include({ code: 'LIMIT_REACHED', limit: 5_000 });
    expect(await knex()('whatsapp_broadcasts').where({ tenant_id: tenant.id })).to.deep.equal([]);
    expect(
      await knex()('whatsapp_messages').where({ tenant_id: tenant.id, direction: 'OUTBOUND' }),
    ).to.deep.equal([]);
    await knex()('usage_counters').where({ tenant_id: tenant.id }).update({ used: 4_997 });
    expect((await api.post('/broadcasts', { key, body })).status).to.equal(202);
    expect((await counter(tenant.id, MARCH))?.used).to.equal(5_000);
  });
});
