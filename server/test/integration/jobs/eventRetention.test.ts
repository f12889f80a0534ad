import { expect } from 'chai';
import { aTenant } from '../../support/builders';
import { testContainer } from '../../support/testContainer';
import { DAY, knex, runJob } from './jobsTestKit';

describe('job event-retention', () => {
  const anEvent = (tenantId: string, id: number, occurredAt: Date, type = 'lead.created') =>
    knex()('events').insert({ tenant_id: tenantId, id, type, occurred_at: occurredAt, data: {} });
  const remaining = async () =>
    (await knex()('events').select('tenant_id', 'id').orderBy(['tenant_id', 'id'])).map(
      (r) => `${r.tenant_id}:${r.id}`,
    );

  it('deletes events older than 24 hours, in batches, and keeps the newer ones', async () => {
    const ctx = testContainer();
    const now = ctx.clock.now().getTime();
    const tenant = await aTenant();
    const old = Array.from({ length: 5_003 }, (_, i) => ({
      tenant_id: tenant.id,
      id: i + 1,
      type: 'message.received',
      occurred_at: new Date(now - DAY - 60_000),
      data: {},
    }));
    await knex().batchInsert('events', old, 1_000);
    await anEvent(tenant.id, 6_000, new Date(now - DAY + 60_000));

    expect(await runJob(ctx, 'event-retention')).to.deep.equal({ deleted: 5_003 });
    expect(await remaining()).to.deep.equal([`${tenant.id}:6000`]);
  });

  it('keeps an old event that an active webhook subscription has yet to deliver', async () => {
    const ctx = testContainer();
    const old = new Date(ctx.clock.now().getTime() - 2 * DAY);
    const tenant = await aTenant();
    await knex()('webhook_subscriptions').insert({
      tenant_id: tenant.id,
      url: 'https://hooks.example.com/wa-ops',
      events: ['lead.created'],
      secret: 'encrypted',
      last_event_id: 1,
    });
    await anEvent(tenant.id, 1, old);
    await anEvent(tenant.id, 2, old);
    await anEvent(tenant.id, 3, old, 'message.status');

    expect(await runJob(ctx, 'event-retention')).to.deep.equal({ deleted: 2 });
    expect(await remaining()).to.deep.equal([`${tenant.id}:2`]);
  });
});
