import { expect } from 'chai';
import type { User } from '../../../src/modules/identity/domain/User';
import { aUser } from '../../support/builders';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { queuedTo, say } from '../../support/whatsappConversation';

const knex = () => testDb().knex;
const count = async (table: string) => Number((await knex()(table).count('* as n').first())?.n);
const PHONES = {
  guide: '+5491155550101',
  otherGuide: '+5491155550102',
  sales: '+5491155550103',
  ops: '+5491155550104',
  manager: '+5491155550105',
  customer: '+5491155550106',
  otherCustomer: '+5491155550107',
};

describe('MessageRouter, end to end from signed webhooks', () => {
  let h: InboundHarness;
  let staff: Record<'guide' | 'otherGuide' | 'sales' | 'ops' | 'manager', User>;

  beforeEach(async () => {
    h = await inboundHarness();
    const tenant = { id: h.tenantId } as Parameters<typeof aUser>[0];
    staff = {
      guide: await aUser(tenant, { phone: PHONES.guide, role: 'field_staff', name: 'Gabi' }),
      otherGuide: await aUser(tenant, { phone: PHONES.otherGuide, role: 'field_staff' }),
      sales: await aUser(tenant, { phone: PHONES.sales, role: 'sales', name: 'Sol' }),
      ops: await aUser(tenant, { phone: PHONES.ops, role: 'operations', name: 'Olga' }),
      manager: await aUser(tenant, { phone: PHONES.manager, role: 'manager', name: 'Max' }),
    };
    const [trip] = await knex()('trips')
      .insert({ tenant_id: h.tenantId, code: 'TRP123', name: 'Glaciers', departure_date: '2026-12-01' })
      .returning('id');
    await knex()('trip_assignments').insert({
      tenant_id: h.tenantId,
      trip_id: trip.id,
      user_id: staff.guide.id,
    });
  });

  describe('staff commands × roles', () => {
    const table: Array<[keyof typeof PHONES, string, RegExp, string, number]> = [
      ['guide', 'CHECKIN TRP123 all aboard', /Checked in on TRP123/, 'check_ins', 1],
      ['ops', 'checkin trp123', /Checked in on TRP123/, 'check_ins', 1],
      ['otherGuide', 'CHECKIN TRP123', /not assigned to trip TRP123/, 'check_ins', 0],
      ['sales', 'CHECKIN TRP123', /not allowed/, 'check_ins', 0],
      [
        'guide',
        'ISSUE  TRP123: vehicle breakdown at checkpoint',
        /Incident INC-1 recorded on TRP123/,
        'incidents',
        1,
      ],
      ['manager', 'issue trp123 bus late', /Incident INC-1/, 'incidents', 1],
      ['otherGuide', 'ISSUE TRP123 flat tyre', /not assigned/, 'incidents', 0],
      ['sales', 'ISSUE TRP123 flat tyre', /not allowed/, 'incidents', 0],
      ['customer', 'ISSUE TRP123 flat tyre', /only for our staff/, 'incidents', 0],
      ['guide', 'ISSUE TRP999 lost', /don't know trip TRP999/, 'incidents', 0],
      ['guide', 'ISSUE TRP123', /missing description/, 'incidents', 0],
    ];
    for (const [who, text, reply, table_, rows] of table) {
      it(`${who}: "${text}" → ${rows ? 'done' : 'refused'}, answering ${reply}`, async () => {
        const replies = await say(h, PHONES[who], text);
        expect(replies).to.have.length(1);
        expect(replies[0]).to.match(reply);
        expect(await count(table_)).to.equal(rows);
        if (who === 'customer') expect(await count('leads')).to.equal(0);
      });
    }

    it('audits refusals and writes no business data for them', async () => {
      await say(h, PHONES.otherGuide, 'ISSUE TRP123 flat tyre');
      await say(h, PHONES.customer, 'RESOLVED TRP123');
      const audits = await knex()('whatsapp_audit_logs').where({ action: 'PERMISSION_DENIED' });
      expect(audits.map((a) => a.actor)).to.have.members([
        staff.otherGuide.id,
        `customer:${PHONES.customer}`,
      ]);
      expect(await count('incidents')).to.equal(0);
      expect(await count('timeline_entries')).to.equal(0);
    });

    it('alerts every operations and manager user when a guide reports an issue, then resolves it', async () => {
      await say(h, PHONES.guide, 'ISSUE TRP123 vehicle breakdown at checkpoint');
      for (const who of ['ops', 'manager'] as const) {
        const [alert] = await queuedTo(PHONES[who]);
        expect(alert).to.match(/INC-1.*TRP123.*vehicle breakdown/);
      }
      const replies = await say(h, PHONES.guide, 'RESOLVED INC-1 towed');
      expect(replies[0]).to.match(/Resolved: INC-1/);
      expect((await knex()('incidents').first()).status).to.equal('resolved');
      const actions = (await knex()('timeline_entries').where({ entity_type: 'trip' })).map(
        (e) => e.content.action,
      );
      expect(actions).to.include.members(['INCIDENT_CREATED', 'INCIDENT_RESOLVED']);
    });

    it('answers STATUS with the trip summary', async () => {
      await say(h, PHONES.guide, 'CHECKIN TRP123');
      const [reply] = await say(h, PHONES.manager, 'STATUS TRP123');
      expect(reply)
        .to.match(/TRP123 — Glaciers, departs 2026-12-01/)
        .and.match(/Gabi/)
        .and.match(/Last check-in: Gabi/);
    });

    it('files a photo whose caption names the trip on the trip timeline', async () => {
      const [reply] = await say(h, PHONES.guide, 'broken axle TRP123', { type: 'image' });
      expect(reply).to.match(/filed on TRP123/);
      const entry = await knex()('timeline_entries').where({ entity_type: 'trip' }).first();
      expect(entry.content).to.include({ action: 'MEDIA_ADDED', mediaType: 'image' });
    });

    it('answers HELP and unknown text with the commands of the role', async () => {
      expect((await say(h, PHONES.guide, 'HELP'))[0])
        .to.match(/CHECKIN/)
        .and.not.match(/BROADCAST/);
      expect((await say(h, PHONES.manager, 'what now?'))[0]).to.match(/APPROVE Q-12/);
    });

    it('broadcasts to opted-in customers of the trip only', async () => {
      const trip = await knex()('trips').first();
      for (const phone of [PHONES.customer, PHONES.otherCustomer])
        await knex()('bookings').insert({
          tenant_id: h.tenantId,
          ref: `BK-${phone.slice(-1)}`,
          trip_id: trip.id,
          customer_phone: phone,
          party_size: 2,
          amount: '100',
          currency: 'USD',
        });
      await knex()('whatsapp_opt_ins').insert([
        { tenant_id: h.tenantId, phone: PHONES.customer, status: 'opted_in', source: 'test' },
        { tenant_id: h.tenantId, phone: PHONES.otherCustomer, status: 'opted_out', source: 'test' },
      ]);
      expect((await say(h, PHONES.ops, 'BROADCAST TRP123 pickup moved to 7:00'))[0]).to.match(
        /trip_broadcast \(en\): no such template/,
      );
      await knex()('whatsapp_templates').insert({
        tenant_id: h.tenantId,
        name: 'trip_broadcast',
        language: 'en',
        category: 'UTILITY',
        status: 'APPROVED',
        components: JSON.stringify([{ type: 'BODY', text: 'Trip {{1}}: {{2}}. Questions? Reply here.' }]),
      });
      const [reply] = await say(h, PHONES.ops, 'BROADCAST TRP123 pickup moved to 7:00');
      expect(reply).to.match(/queued for 1 customer \(1 opted out/);
      expect(await queuedTo(PHONES.customer)).to.deep.equal(['[template trip_broadcast]']);
      expect(await queuedTo(PHONES.otherCustomer)).to.deep.equal([]);
      expect((await say(h, PHONES.guide, 'BROADCAST TRP123 hi'))[0]).to.match(/not allowed/);
    });

    it('answers APPROVE for a quote that does not exist', async () => {
      expect((await say(h, PHONES.manager, 'APPROVE Q-99'))[0]).to.match(/can't find quote Q-99/);
      expect((await say(h, PHONES.sales, 'APPROVE Q-99'))[0]).to.match(/not allowed/);
    });
  });

  describe('customers', () => {
    it('turns a first enquiry into a lead for a sales rep, confirms the ref, and counts on the dashboard', async () => {
      const [reply] = await say(
        h,
        PHONES.customer,
        'Hi! We are 2 people and want the glaciers trip in December',
      );
      expect(reply).to.match(/LD-1/);
      const lead = await knex()('leads').first();
      expect(lead).to.include({
        ref: 'LD-1',
        party_size: 2,
        travel_month: 'december',
        assigned_to: staff.sales.id,
        status: 'new',
      });
      expect(await queuedTo(PHONES.sales)).to.have.length(1);
      const conversation = await knex()('whatsapp_conversations')
        .where({ customer_phone: PHONES.customer })
        .first();
      expect(conversation.context).to.include({ leadRef: 'LD-1' });
      const dashboard = await knex().raw(
        `SELECT COUNT(*) FROM timeline_entries WHERE event_type = 'SYSTEM' AND content->>'action' = 'LEAD_CREATED' AND source = 'WHATSAPP'`,
      );
      expect(Number(dashboard.rows[0].count)).to.equal(1);
    });

    it("puts follow-ups on the open lead's timeline instead of opening another lead", async () => {
      await say(h, PHONES.customer, 'Hello, info about treks please');
      const replies = await say(h, PHONES.customer, 'Also, is lunch included?');
      expect(replies).to.deep.equal([]);
      expect(await count('leads')).to.equal(1);
      const entry = await knex()('timeline_entries')
        .where({ entity_type: 'lead', event_type: 'MESSAGE' })
        .first();
      expect(entry.content.text).to.equal('Also, is lunch included?');
    });

    it('makes one lead when a new customer sends two messages at once', async () => {
      const { metaDelivery } = await import('../../support/whatsappConversation');
      await Promise.all([
        h.postMeta(metaDelivery(PHONES.customer, 'Hello')).expect(200),
        h.postMeta(metaDelivery(PHONES.customer, 'Anyone there? 3 people in March')).expect(200),
      ]);
      const { InboxProcessor } = await import('../../../src/whatsapp/inbox/InboxProcessor');
      const { TYPES } = await import('../../../src/types');
      const c = h.container;
      const other = new InboxProcessor(
        testDb(),
        c.get(TYPES.InboxEvents),
        c.get(TYPES.InboundEventHandler),
        c.get(TYPES.WebhookInbox),
        c.get(TYPES.Logger),
        c.get(TYPES.Metrics),
      );
      other.options = { ...other.options, batchSize: 1 };
      h.processor.options = { ...h.processor.options, batchSize: 1 };
      await Promise.all([h.processor.drain(), other.drain()]);
      expect(await count('leads')).to.equal(1);
      expect(await knex()('whatsapp_messages').where({ direction: 'INBOUND' })).to.have.length(2);
    });

    it('records STOP, confirms it, and sends nothing more until START', async () => {
      expect((await say(h, PHONES.customer, 'STOP'))[0]).to.match(/not receive more messages/);
      expect((await knex()('whatsapp_opt_ins').where({ phone: PHONES.customer }).first()).status).to.equal(
        'opted_out',
      );
      expect(await say(h, PHONES.customer, 'what tours do you have?')).to.deep.equal([]);
      expect((await say(h, PHONES.customer, 'START'))[0]).to.match(/Welcome back/);
    });

    it('answers booking status with their bookings only, or that none was found', async () => {
      expect((await say(h, PHONES.customer, 'status'))[0]).to.match(/could not find a booking/);
      const trip = await knex()('trips').first();
      await knex()('bookings').insert({
        tenant_id: h.tenantId,
        ref: 'BK-1',
        trip_id: trip.id,
        customer_phone: PHONES.otherCustomer,
        party_size: 2,
        amount: '100',
        currency: 'USD',
      });
      await knex()('bookings').insert({
        tenant_id: h.tenantId,
        ref: 'BK-2',
        trip_id: trip.id,
        customer_phone: PHONES.customer,
        party_size: 2,
        amount: '100',
        currency: 'USD',
      });
      const [reply] = await say(h, PHONES.customer, 'where is my booking');
      expect(reply).to.match(/BK-2/).and.not.match(/BK-1/);
      expect((await say(h, PHONES.customer, 'BK-1'))[0]).to.match(/could not find/);
    });

    it('answers PAY with the payment link of a pending booking, or tells the rep', async () => {
      expect((await say(h, PHONES.customer, 'how do I pay?'))[0]).to.match(/sales rep will send/);
      const trip = await knex()('trips').first();
      await knex()('bookings').insert({
        tenant_id: h.tenantId,
        ref: 'BK-7',
        trip_id: trip.id,
        customer_phone: PHONES.customer,
        party_size: 2,
        amount: '250',
        currency: 'USD',
        payment_token: 'tok',
      });
      const replies = await say(h, PHONES.customer, 'PAY');
      expect(replies).to.have.length(1);
      expect(replies[0])
        .to.match(/BK-7/)
        .and.match(/\/pay\/BK-7\?t=tok/);
    });
  });
});
