import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aCustomerPhone } from '../../support/salesBuilders';
import { anAssignment, aTrip } from '../../support/tripBuilders';

const knex = () => testDb().knex;
const counts = async () => {
  const tables = ['bookings', 'refunds', 'timeline_entries', 'whatsapp_messages', 'incident_updates'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await knex()(t).count('* as n'))[0].n);
  out.cancelled = Number((await knex()('bookings').where({ status: 'cancelled' }).count('* as n'))[0].n);
  return out;
};

describe('REST: incident updates and booking cancellation (SPEC §22)', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('PATCH /incidents/:id', () => {
    async function setUp() {
      const ops = await staff('operations');
      const guide = await staff('field_staff', ops.tenant);
      const trip = await aTrip(ops.tenant);
      await anAssignment(trip, guide.user);
      const [incident] = await knex()('incidents')
        .insert({
          tenant_id: ops.tenant.id,
          trip_id: trip.id,
          ref: 'INC-1',
          description: 'Flat tyre',
          status: 'open',
          reporter_id: guide.user.id,
        })
        .returning(['id', 'ref']);
      return { ops, guide, trip, incident: incident as { id: string; ref: string } };
    }

    it('takes a note alone, then an acknowledgement; GET shows the updates newest first', async () => {
      const { ops, guide, incident } = await setUp();
      const noted = await api.patch('/incidents/INC-1', { key: ops.key, body: { note: 'Mechanic called' } });
      expect(noted.status).to.equal(200);
      expect(noted.body).to.include({ status: 'open', alerted: 1, customersNotified: 0 });
      const acked = await api.patch(`/incidents/${incident.id}`, {
        key: ops.key,
        body: { status: 'acknowledged', note: 'Van on the way' },
      });
      expect(acked.body).to.include({ status: 'acknowledged', acknowledgedBy: ops.user.id });
      const again = await api.patch('/incidents/INC-1', { key: ops.key, body: { status: 'acknowledged' } });
      expect(again.status).to.equal(422);
      expect(again.body.code).to.equal('INCIDENT_ALREADY_ACKNOWLEDGED');
      const read = await api.get('/incidents/INC-1', { key: guide.key });
      expect(read.body.updates.map((u: { kind: string; note: string }) => [u.kind, u.note])).to.deep.equal([
        ['acknowledged', 'Van on the way'],
        ['note', 'Mechanic called'],
      ]);
      const toGuide = await knex()('whatsapp_messages').where({ customer_phone: guide.user.phone });
      expect(toGuide).to.have.length(2);
    });

    it('lets field staff resolve but not annotate; 400 for an empty patch', async () => {
      const { guide, ops } = await setUp();
      const refused = await api.patch('/incidents/INC-1', { key: guide.key, body: { note: 'on my way' } });
      expect(refused.status).to.equal(403);
      const audit = await knex()('whatsapp_audit_logs').where({ action: 'PERMISSION_DENIED' }).first();
      expect(audit.details).to.include({ action: 'manage_incidents' });
      const empty = await api.patch('/incidents/INC-1', { key: ops.key, body: {} });
      expect(empty.status).to.equal(400);
      expect(empty.body.fields[0].field).to.equal('body');
      const resolved = await api.patch('/incidents/INC-1', { key: guide.key, body: { status: 'resolved' } });
      expect(resolved.body).to.include({ status: 'resolved', alerted: 1 });
    });
  });

  describe('POST /bookings/:id/cancel', () => {
    async function paidBooking() {
      const sales = await staff('sales');
      const phone = aCustomerPhone();
      const booking = await aBooking(sales.tenant, {
        customerPhone: phone,
        status: 'confirmed',
        amount: '900.00',
      });
      await knex()('payments').insert({
        tenant_id: sales.tenant.id,
        booking_id: booking.id,
        amount: '600.00',
        currency: 'USD',
        reference: 'TRANSFER-1',
      });
      return { sales, phone, booking };
    }

    it('cancels, records the refund, tells the customer, and writes the timeline and the audit', async () => {
      const { sales, phone, booking } = await paidBooking();
      const res = await api.post(`/bookings/${booking.ref}/cancel`, {
        key: sales.key,
        body: { reason: 'Trip called off for weather', refundAmount: '600' },
      });
      expect(res.status).to.equal(200);
      expect(res.body.booking).to.include({
        status: 'cancelled',
        cancellationReason: 'Trip called off for weather',
      });
      expect(res.body.refund).to.include({ amount: '600.00', currency: 'USD', recordedBy: sales.user.id });
      const [message] = await knex()('whatsapp_messages').where({ customer_phone: phone });
      expect(message.content.template).to.deep.equal({
        name: 'booking_cancelled',
        language: 'en',
        params: ['Ana', booking.ref, 'Trip called off for weather', '600.00 USD'],
      });
      const actions = (await knex()('timeline_entries').where({ entity_id: booking.id })).map(
        (e) => e.content.action,
      );
      expect(actions).to.have.members(['BOOKING_CANCELLED', 'REFUND_RECORDED']);
      const audit = await knex()('whatsapp_audit_logs').where({ action: 'BOOKING_CANCELLED' }).first();
      expect(audit.details).to.include({ from: 'confirmed', refundAmount: '600.00' });
      const [event] = await knex()('events').where({ type: 'booking.updated' });
      expect(event.data).to.include({ ref: booking.ref, status: 'cancelled', change: 'cancelled' });
      const read = await api.get(`/bookings/${booking.id}`, { key: sales.key });
      expect(read.body.refunds.map((r: { amount: string }) => r.amount)).to.deep.equal(['600.00']);
    });

    it('refuses a refund over what was paid, a second cancellation and other roles, writing nothing', async () => {
      const { sales, booking } = await paidBooking();
      const before = await counts();
      const tooMuch = await api.post(`/bookings/${booking.id}/cancel`, {
        key: sales.key,
        body: { reason: 'Changed plans', refundAmount: 600.01 },
      });
      expect([tooMuch.status, tooMuch.body.code]).to.deep.equal([422, 'REFUND_EXCEEDS_PAID']);
      const noReason = await api.post(`/bookings/${booking.id}/cancel`, {
        key: sales.key,
        body: { reason: ' ' },
      });
      expect(noReason.status).to.equal(400);
      expect(noReason.body.fields[0].field).to.equal('reason');
      const ops = await staff('operations', sales.tenant);
      const refused = await api.post(`/bookings/${booking.id}/cancel`, {
        key: ops.key,
        body: { reason: 'x' },
      });
      expect(refused.status).to.equal(403);
      expect(await counts()).to.deep.equal(before);
      const done = await api.post(`/bookings/${booking.id}/cancel`, {
        key: sales.key,
        body: { reason: 'No show' },
      });
      expect(done.body.refund).to.equal(null);
      const twice = await api.post(`/bookings/${booking.id}/cancel`, {
        key: sales.key,
        body: { reason: 'No show' },
      });
      expect([twice.status, twice.body.code]).to.deep.equal([422, 'BOOKING_CANCELLED']);
    });
  });
});
