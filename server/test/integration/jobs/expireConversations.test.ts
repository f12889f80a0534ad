import { expect } from 'chai';
import { aTenant } from '../../support/builders';
import { testContainer } from '../../support/testContainer';
import { aConversation, DAY, knex, runJob } from './jobsTestKit';

describe('job expire-conversations', () => {
  it('expires conversations idle for 24 h and keeps the others active', async () => {
    const ctx = testContainer();
    const now = ctx.clock.now().getTime();
    const tenant = await aTenant();
    const idle = await aConversation(tenant.id, '+5491100000001', new Date(now - DAY - 1000));
    const recent = await aConversation(tenant.id, '+5491100000002', new Date(now - DAY + 60_000));

    expect(await runJob(ctx, 'expire-conversations')).to.deep.equal({ expired: 1 });

    const statuses = Object.fromEntries(
      (await knex()('whatsapp_conversations').select('id', 'status')).map((r) => [r.id, r.status]),
    );
    expect(statuses).to.deep.equal({ [idle]: 'expired', [recent]: 'active' });
  });

  it('expires the recent one once the clock passes its 24 h', async () => {
    const ctx = testContainer();
    const tenant = await aTenant();
    await aConversation(tenant.id, '+5491100000003', new Date(ctx.clock.now().getTime() - DAY + 60_000));
    expect(await runJob(ctx, 'expire-conversations')).to.deep.equal({ expired: 0 });
    ctx.clock.advance(61_000);
    expect(await runJob(ctx, 'expire-conversations')).to.deep.equal({ expired: 1 });
  });

  it('leaves closed conversations as they are', async () => {
    const ctx = testContainer();
    const tenant = await aTenant();
    const old = new Date(ctx.clock.now().getTime() - 2 * DAY);
    await aConversation(tenant.id, '+5491100000004', old);
    await knex()('whatsapp_conversations').insert({
      tenant_id: tenant.id,
      customer_phone: '+5491100000005',
      status: 'closed',
      last_message_at: old,
    });
    await runJob(ctx, 'expire-conversations');
    const rows = await knex()('whatsapp_conversations').orderBy('customer_phone').select('status');
    expect(rows.map((r) => r.status)).to.deep.equal(['expired', 'closed']);
  });
});
