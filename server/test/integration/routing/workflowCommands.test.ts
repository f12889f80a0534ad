import { expect } from 'chai';
import type { User } from '../../../src/modules/identity/domain/User';
import { aUser } from '../../support/builders';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { queuedTo, say } from '../../support/whatsappConversation';

const knex = () => testDb().knex;
const PHONES = {
  guide: '+5491155550201',
  otherGuide: '+5491155550202',
  sales: '+5491155550203',
  ops: '+5491155550204',
  customer: '+5491155550206',
};
const minutes = (n: number) => n * 60_000;

describe('WhatsApp workflows (SPEC §22): incident updates, field media, cancellation requests', () => {
  let h: InboundHarness;
  let staff: Record<'guide' | 'otherGuide' | 'sales' | 'ops', User>;
  let tripId: string;

  beforeEach(async () => {
    h = await inboundHarness();
    const tenant = { id: h.tenantId } as Parameters<typeof aUser>[0];
    staff = {
      guide: await aUser(tenant, { phone: PHONES.guide, role: 'field_staff', name: 'Gabi' }),
      otherGuide: await aUser(tenant, { phone: PHONES.otherGuide, role: 'field_staff' }),
      sales: await aUser(tenant, { phone: PHONES.sales, role: 'sales', name: 'Sol' }),
      ops: await aUser(tenant, { phone: PHONES.ops, role: 'operations', name: 'Olga' }),
    };
    [{ id: tripId }] = await knex()('trips')
      .insert({ tenant_id: h.tenantId, code: 'TRP123', name: 'Glaciers', departure_date: '2026-12-01' })
      .returning('id');
    await knex()('trip_assignments').insert({
      tenant_id: h.tenantId,
      trip_id: tripId,
      user_id: staff.guide.id,
    });
  });

  describe('UPDATE INC-n and STATUS INC-n', () => {
    beforeEach(async () => {
      await say(h, PHONES.guide, 'ISSUE TRP123 van has a flat tyre');
    });

    it('UPDATE from operations acknowledges the incident and tells the guide who reported it', async () => {
      const before = await queuedTo(PHONES.guide);
      const [reply] = await say(h, PHONES.ops, 'UPDATE INC-1 backup van on the way');
      expect(reply).to.match(/Update on INC-1 recorded and the incident acknowledged; the guide .* told/);
      const incident = await knex()('incidents').first();
      expect(incident).to.include({ status: 'acknowledged', acknowledged_by: staff.ops.id });
      const toGuide = (await queuedTo(PHONES.guide)).slice(before.length);
      expect(toGuide).to.deep.equal([
        'Update on INC-1 (trip TRP123): Acknowledged: backup van on the way. Reply to this message if you need anything.',
      ]);
      const [second] = await say(h, PHONES.ops, 'update inc-1 ETA 20 minutes');
      expect(second).to.match(/^Update on INC-1 recorded; the guide/);
      const kinds = await knex()('incident_updates').orderBy('created_at').pluck('kind');
      expect(kinds).to.deep.equal(['acknowledged', 'note']);
      const [status] = await say(h, PHONES.ops, 'STATUS TRP123');
      expect(status).to.include('Open incidents: INC-1 van has a flat tyre (acknowledged)');
    });

    it('refuses UPDATE from a guide, writing nothing and auditing the refusal', async () => {
      const [reply] = await say(h, PHONES.guide, 'UPDATE INC-1 fixed it myself');
      expect(reply).to.match(/not allowed/);
      expect(await knex()('incident_updates')).to.deep.equal([]);
      expect(await knex()('whatsapp_audit_logs').where({ action: 'PERMISSION_DENIED' })).to.have.length(1);
    });

    it('STATUS INC-n answers the staff of the trip with the status and the latest updates', async () => {
      await say(h, PHONES.ops, 'UPDATE INC-1 backup van on the way');
      const [reply] = await say(h, PHONES.guide, 'status inc-1');
      const lines = reply.split('\n');
      expect(lines[0]).to.equal('INC-1 on TRP123: acknowledged');
      expect(lines[1]).to.match(/^Reported by Gabi at .* UTC: van has a flat tyre$/);
      expect(lines[2]).to.match(/^• .* UTC Olga: acknowledged — backup van on the way$/);
      expect((await say(h, PHONES.otherGuide, 'STATUS INC-1'))[0]).to.match(/not assigned to trip TRP123/);
      expect((await say(h, PHONES.ops, 'STATUS INC-9'))[0]).to.match(/can't find incident INC-9/);
    });
  });

  describe('field media without a trip code', () => {
    const start = new Date(Date.now() - minutes(120));
    const at = (offset: number) => new Date(start.getTime() + minutes(offset));

    it('goes to the trip of the last command within 30 minutes', async () => {
      await say(h, PHONES.guide, 'CHECKIN TRP123', { at: at(0) });
      const [filed] = await say(h, PHONES.guide, '', { type: 'image', at: at(29) });
      expect(filed).to.equal('Thanks, filed on TRP123.');
      const media = await knex()('timeline_entries')
        .where({ entity_id: tripId })
        .whereRaw(`content->>'action' = 'MEDIA_ADDED'`);
      expect(media).to.have.length(1);
      expect(media[0].actor).to.equal(staff.guide.id);
    });

    it('asks which trip after 30 minutes, and files it on the trip code given in answer', async () => {
      await say(h, PHONES.guide, 'STATUS TRP123', { at: at(0) });
      expect(await say(h, PHONES.guide, '', { type: 'image', at: at(31) })).to.deep.equal([
        'Which trip is this for? Reply with the trip code (for example TRP123) and I will file it.',
      ]);
      expect(await say(h, PHONES.guide, '', { type: 'audio', at: at(32) })).to.have.length(1);
      expect(await say(h, PHONES.guide, 'trp123', { at: at(33) })).to.deep.equal([
        'Thanks, 2 files filed on TRP123.',
      ]);
      const filed = await knex()('timeline_entries').whereRaw(`content->>'action' = 'MEDIA_ADDED'`);
      expect(filed.map((e) => e.content.mediaType).sort()).to.deep.equal(['audio', 'image']);
      // Nothing is waiting any more: a bare code is not a command.
      expect((await say(h, PHONES.guide, 'TRP123', { at: at(34) }))[0]).to.match(/^Commands you can use/);
    });

    it('never files on a trip the guide is not assigned to', async () => {
      await say(h, PHONES.otherGuide, '', { type: 'image', at: at(0) });
      const [reply] = await say(h, PHONES.otherGuide, 'TRP123', { at: at(1) });
      expect(reply).to.match(/not assigned to trip TRP123/);
      expect(await knex()('timeline_entries').whereRaw(`content->>'action' = 'MEDIA_ADDED'`)).to.deep.equal(
        [],
      );
    });
  });

  describe('a customer’s CANCEL BK-n', () => {
    it('alerts the booking’s rep and changes nothing', async () => {
      const [lead] = await knex()('leads')
        .insert({
          tenant_id: h.tenantId,
          ref: 'LD-1',
          customer_phone: PHONES.customer,
          customer_name: 'Carla',
          status: 'converted',
          assigned_to: staff.sales.id,
        })
        .returning('id');
      await knex()('bookings').insert({
        tenant_id: h.tenantId,
        ref: 'BK-4',
        lead_id: lead.id,
        trip_id: tripId,
        customer_phone: PHONES.customer,
        party_size: 2,
        amount: '900.00',
        currency: 'USD',
        status: 'confirmed',
      });
      const [reply] = await say(h, PHONES.customer, 'Cancel BK-4 please', { name: 'Carla' });
      expect(reply).to.match(/passed your request to cancel BK-4 to your sales rep/);
      const [alert] = await queuedTo(PHONES.sales);
      expect(alert).to.match(
        /^Carla \(\+5491155550206\) asks to cancel BK-4 \(confirmed\)\. Nothing has changed/,
      );
      expect((await knex()('bookings').first()).status).to.equal('confirmed');
      const entries = await knex()('timeline_entries').whereRaw(
        `content->>'action' = 'CANCELLATION_REQUESTED'`,
      );
      expect(entries).to.have.length(1);
      expect(entries[0]).to.include({ source: 'WHATSAPP', actor: `customer:${PHONES.customer}` });
      expect(await say(h, PHONES.customer, 'cancel BK-99')).to.deep.equal([
        'We could not find a booking for this number. If you booked with another number, tell us its reference (BK-…).',
      ]);
    });
  });
});
