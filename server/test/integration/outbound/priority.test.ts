import { expect } from 'chai';
import { DueRows } from '../../../src/whatsapp/outbound/dispatch/DueRows';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { CUSTOMER, customerWrote, outboundKit, type OutboundKit } from './outboundKit';

const HOUR = 3_600_000;
/** A broadcast's class with free text (a real broadcast needs opt-ins and an approved template). */
const bulk = { purpose: 'notification', priority: 'low' } as const;
const phone = (i: number) => `+549115556${String(i).padStart(4, '0')}`;

async function priorityOf(id: string): Promise<string> {
  return ((await testDb().knex('whatsapp_messages').where({ id }).first('priority')) as { priority: string })
    .priority;
}

describe('outbound priority: replies before notifications before broadcasts', () => {
  let kit: OutboundKit;
  beforeEach(async () => {
    kit = await outboundKit();
    for (let i = 0; i < 40; i++)
      await customerWrote(kit.tenantId, phone(i), new Date(kit.clock.now().getTime() - HOUR));
  });

  it('sets the class by purpose; a staff alert says high itself', async () => {
    expect(await priorityOf(await kit.queue({ purpose: 'reply', text: 'a' }))).to.equal('high');
    expect(await priorityOf(await kit.queue({ purpose: 'manual', text: 'b' }))).to.equal('high');
    expect(await priorityOf(await kit.queue({ purpose: 'notification', text: 'c' }))).to.equal('normal');
    expect(await priorityOf(await kit.queue({ purpose: 'broadcast', text: 'd' }))).to.equal('low');
    const alert = await kit.queue({ purpose: 'notification', priority: 'high', text: 'New lead LD-9' });
    expect(await priorityOf(alert)).to.equal('high');
  });

  it('claims high before normal before low, whatever the order they were queued in', async () => {
    const low = await kit.queue({ to: phone(1), ...bulk, text: 'sale' });
    const normal = await kit.queue({ to: phone(2), purpose: 'notification', text: 'your link' });
    const high = await kit.queue({ to: phone(3), purpose: 'reply', text: 'hi' });
    expect((await kit.claim(2)).map((c) => c.id)).to.deep.equal([high, normal]);
    expect((await kit.claim(2)).map((c) => c.id)).to.deep.equal([low]);
  });

  it('paces normal and low to the limit, so a reply queued behind a broadcast goes in the next round', async () => {
    // 60 a minute: bulk messages one a second after a burst of 3.
    const broadcast = [];
    for (let i = 0; i < 30; i++)
      broadcast.push(await kit.queue({ to: phone(i), ...bulk, text: `offer ${i}` }));
    expect(await kit.claim(50, 60)).to.have.length(3);
    // Held for bulk only: the broadcast waits, a reply is still due and claimed at once.
    expect(await kit.claim(50, 60)).to.deep.equal([]);
    const reply = await kit.queue({ to: phone(35), purpose: 'reply', text: 'Your lead is LD-3' });
    expect(await kit.container.get(DueRows).dueTenants(kit.clock.now(), 50)).to.deep.equal([kit.tenantId]);
    expect((await kit.claim(50, 60)).map((c) => c.id)).to.deep.equal([reply]);
    kit.clock.advance(1_000);
    expect(await kit.claim(50, 60)).to.have.length(1);
    kit.clock.advance(10_000);
    expect(await kit.claim(50, 60)).to.have.length(3);
  });

  it('keeps the broadcast at the full rate limit over a minute while spreading it out', async () => {
    for (let i = 0; i < 40; i++) await kit.queue({ to: phone(i), ...bulk, text: `offer ${i}` });
    let sent = 0;
    for (let second = 0; second < 60; second++) {
      sent += (await kit.claim(50, 30)).length;
      kit.clock.advance(1_000);
    }
    // 30 a minute, one every 2 s after a burst of 3: the window never fills in one go.
    expect(sent).to.equal(30);
  });

  it('a full window holds every class until its next slot, then the reply goes first', async () => {
    for (let i = 0; i < 10; i++) await kit.queue({ to: phone(i), purpose: 'reply', text: `r${i}` });
    expect(await kit.claim(50, 10)).to.have.length(10);
    kit.clock.advance(5_000);
    await kit.queue({ to: phone(20), ...bulk, text: 'offer' });
    const reply = await kit.queue({ to: CUSTOMER, purpose: 'reply', text: 'late reply' });
    await customerWrote(kit.tenantId, CUSTOMER, kit.clock.now());
    expect(await kit.claim(50, 10)).to.deep.equal([]);
    kit.clock.advance(55_000);
    expect((await kit.claim(1, 10)).map((c) => c.id)).to.deep.equal([reply]);
  });
});

describe('outbound claims: tenants take turns', () => {
  it('starts each round after the last tenant served when more are due than a round takes', async () => {
    const kit = await outboundKit();
    const tenants = [kit.tenantId, (await aTenant()).id, (await aTenant()).id].sort();
    for (const tenantId of tenants)
      await testDb()
        .knex('whatsapp_messages')
        .insert({
          tenant_id: tenantId,
          direction: 'OUTBOUND',
          type: 'text',
          customer_phone: CUSTOMER,
          content: JSON.stringify({ purpose: 'reply', text: 'hi' }),
          status: 'queued',
          priority: 'high',
          available_at: kit.clock.now(),
        });
    const rows = kit.container.get(DueRows);
    const now = kit.clock.now();
    expect(await rows.dueTenants(now, 2)).to.deep.equal(tenants.slice(0, 2));
    expect(await rows.dueTenants(now, 2, tenants[1])).to.deep.equal([tenants[2], tenants[0]]);
  });
});
