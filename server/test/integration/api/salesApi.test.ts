import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aCustomerPhone, aLead, aTripRow, setApprovalThreshold } from '../../support/salesBuilders';

const audits = async (tenantId: string, action: string) =>
  Number(
    (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenantId, action }).count('* as n'))[0].n,
  );

describe('REST: leads, quotes and bookings', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('GET /leads', () => {
    it('filters by status, assignee and a phone in any format', async () => {
      const { tenant, user, key } = await staff('sales');
      await aLead(tenant, { customerPhone: '+5491112345678', assignedTo: user.id });
      await aLead(tenant, { status: 'lost' });
      await aLead(await (await staff('sales')).tenant); // other tenant
      const all = await api.get('/leads', { key });
      expect(all.status).to.equal(200);
      expect(all.body.data).to.have.length(2);
      const mine = await api.get('/leads', { key, query: { assignedTo: user.id } });
      expect(mine.body.data.map((l: { customerPhone: string }) => l.customerPhone)).to.deep.equal([
        '+5491112345678',
      ]);
      const byPhone = await api.get('/leads', { key, query: { phone: '5491112345678' } });
      expect(byPhone.body.data).to.have.length(1);
      const lost = await api.get('/leads', { key, query: { status: 'lost' } });
      expect(lost.body.data[0].status).to.equal('lost');
    });

    it('answers 400 naming status and phone, 403 to field staff', async () => {
      const { key } = await staff('sales');
      const bad = await api.get('/leads', { key, query: { status: 'hot', phone: 'call me' } });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include('status');
      const phone = await api.get('/leads', { key, query: { phone: '12ab' } });
      expect(phone.body.fields[0].field).to.equal('phone');
      expect((await api.get('/leads', { key: (await staff('field_staff')).key })).status).to.equal(403);
    });
  });

  describe('GET and PATCH /leads/:id', () => {
    it('reads a lead by ref or uuid, and 404s another tenant’s', async () => {
      const { tenant, key } = await staff('sales');
      const lead = await aLead(tenant);
      expect((await api.get(`/leads/${lead.ref}`, { key })).body.id).to.equal(lead.id);
      expect((await api.get(`/leads/${lead.id}`, { key })).body.ref).to.equal(lead.ref);
      const other = await aLead((await staff('sales')).tenant);
      expect((await api.get(`/leads/${other.id}`, { key })).status).to.equal(404);
      expect((await api.get('/leads/nonsense', { key })).status).to.equal(404);
    });

    it('moves a lead and reassigns it through UpdateLead, audited once', async () => {
      const { tenant, key } = await staff('sales');
      const rep = await staff('sales', tenant);
      const lead = await aLead(tenant);
      const res = await api.patch(`/leads/${lead.ref}`, {
        key,
        body: { status: 'contacted', assignedTo: rep.user.id },
      });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ status: 'contacted', assignedTo: rep.user.id });
      expect(await audits(tenant.id, 'LEAD_UPDATED')).to.equal(1);
    });

    it('answers 422 for a backward move, 400 for an unknown status, 404 across tenants, 403 to operations', async () => {
      const { tenant, key } = await staff('sales');
      const lead = await aLead(tenant, { status: 'quoted' });
      const back = await api.patch(`/leads/${lead.id}`, { key, body: { status: 'new' } });
      expect(back.status).to.equal(422);
      expect(back.body.code).to.equal('LEAD_TRANSITION_INVALID');
      const bad = await api.patch(`/leads/${lead.id}`, { key, body: { status: 'hot' } });
      expect(bad.body.fields[0].field).to.equal('status');
      const other = await aLead((await staff('sales')).tenant);
      expect((await api.patch(`/leads/${other.id}`, { key, body: { status: 'lost' } })).status).to.equal(404);
      const ops = await staff('operations', tenant);
      expect(
        (await api.patch(`/leads/${lead.id}`, { key: ops.key, body: { status: 'lost' } })).status,
      ).to.equal(403);
    });
  });

  describe('quotes', () => {
    it('POST /leads/:id/quotes sends a quote; over the threshold it waits for a manager’s approve', async () => {
      const { tenant: t, key } = await staff('sales');
      const tenant = await setApprovalThreshold(t, '1000.00');
      const manager = await staff('manager', tenant);
      const lead = await aLead(tenant);
      const small = await api.post(`/leads/${lead.ref}/quotes`, {
        key,
        body: { amount: 500, currency: 'usd', description: 'Two nights' },
      });
      expect(small.status).to.equal(201);
      expect(small.body).to.include({ amount: '500.00', currency: 'USD', status: 'sent' });
      const big = await api.post(`/leads/${lead.ref}/quotes`, {
        key,
        body: { amount: '1500.50', currency: 'USD', description: 'Suite' },
      });
      expect(big.body.status).to.equal('pending_approval');
      expect((await api.post(`/quotes/${big.body.ref}/approve`, { key })).status).to.equal(403);
      const approved = await api.post(`/quotes/${big.body.ref}/approve`, { key: manager.key });
      expect(approved.status).to.equal(200);
      expect(approved.body).to.include({ status: 'sent', approvedBy: manager.user.id });
      expect(await audits(tenant.id, 'QUOTE_APPROVED')).to.equal(1);
      const again = await api.post(`/quotes/${big.body.id}/approve`, { key: manager.key });
      expect(again.status).to.equal(422);
    });

    it('names invalid quote fields; 404 for another tenant’s lead or quote', async () => {
      const { tenant, key } = await staff('sales');
      const lead = await aLead(tenant);
      const bad = await api.post(`/leads/${lead.id}/quotes`, {
        key,
        body: { amount: -3, currency: 'dollars' },
      });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members([
        'amount',
        'currency',
        'description',
      ]);
      const other = await staff('manager');
      const body = { amount: 10, currency: 'USD', description: 'x' };
      expect((await api.post(`/leads/${lead.id}/quotes`, { key: other.key, body })).status).to.equal(404);
      expect((await api.post('/quotes/Q-1/approve', { key: other.key })).status).to.equal(404);
    });
  });

  describe('conversion and bookings', () => {
    it('converts a lead, lists and reads the booking, sends the link, records payments until confirmed', async () => {
      const { tenant, key } = await staff('sales');
      const phone = aCustomerPhone();
      const lead = await aLead(tenant, { customerPhone: phone });
      await aTripRow(tenant, 'TRP7');
      const converted = await api.post(`/leads/${lead.ref}/convert`, {
        key,
        body: { tripCode: 'trp7', partySize: 2, amount: 1000, currency: 'USD' },
      });
      expect(converted.status).to.equal(201);
      expect(converted.body).to.include({ status: 'pending_payment', tripCode: 'TRP7', amount: '1000.00' });
      const ref = converted.body.ref;

      const list = await api.get('/bookings', {
        key,
        query: { tripCode: 'TRP7', phone, status: 'pending_payment' },
      });
      expect(list.body.data.map((b: { ref: string }) => b.ref)).to.deep.equal([ref]);
      const link = await api.post(`/bookings/${ref}/payment-link`, { key });
      expect(link.status).to.equal(202);

      const pay = (reference: string, amount: number) =>
        api.post(`/bookings/${ref}/payments`, { key, body: { amount, currency: 'USD', reference } });
      expect((await pay('tx-1', 400)).status).to.equal(201);
      const last = await pay('tx-2', 600);
      expect(last.body.booking.status).to.equal('confirmed');
      const replay = await pay('tx-2', 600);
      expect(replay.status).to.equal(200);
      const reused = await pay('tx-2', 700);
      expect(reused.status).to.equal(409);

      const detail = await api.get(`/bookings/${converted.body.id}`, { key });
      expect(detail.body.payments.map((p: { reference: string }) => p.reference)).to.deep.equal([
        'tx-1',
        'tx-2',
      ]);
      expect(await audits(tenant.id, 'PAYMENT_RECORDED')).to.equal(2);
      expect(await audits(tenant.id, 'BOOKING_CREATED')).to.equal(1);
      expect(await audits(tenant.id, 'PAYMENT_LINK_SENT')).to.equal(1);
    });

    it('answers 400 on a bad conversion, 422 for a link on a confirmed booking, 404 across tenants, 403 to field staff', async () => {
      const { tenant, key } = await staff('sales');
      const lead = await aLead(tenant);
      const bad = await api.post(`/leads/${lead.id}/convert`, { key, body: { partySize: 0 } });
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members([
        'tripCode',
        'partySize',
        'amount',
        'currency',
      ]);
      const confirmed = await aBooking(tenant, { status: 'confirmed' });
      expect((await api.post(`/bookings/${confirmed.ref}/payment-link`, { key })).status).to.equal(422);
      const other = await staff('sales');
      expect((await api.get(`/bookings/${confirmed.id}`, { key: other.key })).status).to.equal(404);
      const body = { amount: 1, currency: 'USD', reference: 'r' };
      expect(
        (await api.post(`/bookings/${confirmed.id}/payments`, { key: other.key, body })).status,
      ).to.equal(404);
      const guide = await staff('field_staff', tenant);
      expect((await api.get('/bookings', { key: guide.key })).status).to.equal(403);
      expect(
        (await api.post(`/bookings/${confirmed.id}/payments`, { key: guide.key, body })).status,
      ).to.equal(403);
    });
  });
});
