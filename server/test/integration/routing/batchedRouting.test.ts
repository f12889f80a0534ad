import { expect } from 'chai';
import { aUser } from '../../support/builders';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { metaDelivery, queuedTo } from '../../support/whatsappConversation';

const knex = () => testDb().knex;
const [ANA, BEA, CARL] = ['+5491155560001', '+5491155560002', '+5491155560003'];
const REP = '+5491155560099';

/** The same message (same wamid) delivered again with another envelope, as a provider retry may. */
function redelivered(body: string): string {
  const copy = JSON.parse(body);
  copy.entry[0].changes[0].value.contacts[0].profile.name = 'Renamed';
  return JSON.stringify(copy);
}

describe('customer messages handled together in one inbox transaction', () => {
  let h: InboundHarness;

  beforeEach(async () => {
    h = await inboundHarness();
    await aUser({ id: h.tenantId } as Parameters<typeof aUser>[0], { phone: REP, role: 'sales' });
    h.processor.options = { ...h.processor.options, concurrency: 1, eventsPerTransaction: 10 };
  });

  it('applies a claim smaller than a transaction’s worth in one transaction, even with lanes free', async () => {
    h.processor.options = { ...h.processor.options, concurrency: 4 };
    for (const [phone, text] of [
      [ANA, 'Hi, 2 people in March?'],
      [BEA, 'Hola, somos 4 personas para diciembre'],
      [CARL, 'Three of us in May'],
    ])
      await h.postMeta(metaDelivery(phone, text)).expect(200);

    await h.processor.drain();

    const leads = await knex()('leads');
    expect(leads).to.have.length(3);
    expect(new Set(leads.map((l) => l.created_at.getTime())).size).to.equal(1);
  });

  it('reads the tenant’s settings and asks which numbers are staff once for the whole transaction', async () => {
    for (const [phone, text] of [
      [ANA, 'Hi, 2 people in March?'],
      [BEA, 'Hola, somos 4 personas para diciembre'],
    ])
      await h.postMeta(metaDelivery(phone, text)).expect(200);
    const statements: string[] = [];
    const record = (q: { sql: string }) => statements.push(q.sql);
    knex().on('query', record);
    try {
      await h.processor.drain();
    } finally {
      knex().off('query', record);
    }

    // The sender lookup reads the settings that the auto-responder and the usage count then use;
    // the replies to the customers it looked up and the alerts to the reps it chose are not asked about.
    expect(
      statements.filter((sql) => /\bfrom "?tenants"?\b/i.test(sql) && !/for no key update/i.test(sql)),
    ).to.have.length(1);
    expect(statements.filter((sql) => /from "users"/i.test(sql) && /"phone" in/i.test(sql))).to.deep.equal(
      [],
    );
    expect(await queuedTo(ANA)).to.have.length(1);
    expect(await queuedTo(REP)).to.have.length(2);
    const [usage] = await knex()('usage_counters').where({ tenant_id: h.tenantId, counter: 'messages' });
    expect(usage.used).to.equal(2);
  });

  it('keeps each customer in order: one lead per customer, follow-ups on its timeline, STOP before the next message', async () => {
    const bea = metaDelivery(BEA, 'Hola, somos 4 personas para diciembre');
    for (const body of [
      metaDelivery(ANA, 'Hi, 2 people in March?'),
      bea,
      metaDelivery(ANA, 'Also: is lunch included?'),
      metaDelivery(CARL, 'STOP'),
      metaDelivery(CARL, 'what tours do you have?'),
      redelivered(bea),
    ])
      await h.postMeta(body).expect(200);

    await h.processor.drain();

    const leads = await knex()('leads').orderBy('customer_phone');
    expect(leads.map((l) => [l.customer_phone, l.party_size, l.travel_month])).to.deep.equal([
      [ANA, 2, 'march'],
      [BEA, 4, 'december'],
      // An opted-out customer's question is still a lead for the team; nothing is sent to them.
      [CARL, null, null],
    ]);
    // One transaction for the whole chunk: its rows share the transaction's now().
    expect(new Set(leads.map((l) => l.created_at.getTime())).size).to.equal(1);
    const anaTimeline = await knex()('timeline_entries').where({ entity_id: leads[0].id }).orderBy('id');
    expect(anaTimeline.map((e) => e.content.action)).to.have.members(['LEAD_CREATED', 'CUSTOMER_MESSAGE']);
    expect(anaTimeline.find((e) => e.content.action === 'CUSTOMER_MESSAGE').content.text).to.equal(
      'Also: is lunch included?',
    );

    expect(await queuedTo(ANA))
      .to.have.length(1)
      .and.to.match(/LD-/);
    expect((await queuedTo(ANA))[0]).to.include(leads[0].ref);
    expect(await queuedTo(BEA)).to.have.length(1);
    expect(await queuedTo(CARL)).to.have.length(1);
    expect((await queuedTo(CARL))[0]).to.match(/not receive more messages/);
    expect(await queuedTo(REP)).to.have.length(3);

    expect(await knex()('whatsapp_messages').where({ direction: 'INBOUND' })).to.have.length(5);
    const conversations = await knex()('whatsapp_conversations').orderBy('customer_phone');
    expect(conversations.map((c) => [c.customer_phone, c.unread_count, c.state])).to.deep.equal([
      [ANA, 2, 'lead'],
      [BEA, 1, 'lead'],
      [CARL, 2, conversations[2].state],
    ]);
    const events = await knex()('whatsapp_webhook_events').whereNull('processed_at');
    expect(events).to.deep.equal([]);
  });
});
