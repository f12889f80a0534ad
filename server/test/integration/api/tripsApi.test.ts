import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aBookingOn, aTrip, anAssignment } from '../../support/tripBuilders';

const actions = async (tenantId: string) =>
  (await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenantId }).orderBy('created_at')).map(
    (r: { action: string }) => r.action,
  );

async function anIncident(
  trip: { id: string; tenantId: string },
  ref = 'INC-1',
  status = 'open',
  columns: Record<string, unknown> = {},
) {
  const [row] = await testDb()
    .knex('incidents')
    .insert({ tenant_id: trip.tenantId, trip_id: trip.id, ref, description: 'Flat tyre', status, ...columns })
    .returning(['id', 'ref']);
  return row as { id: string; ref: string };
}

describe('REST: trips and incidents', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('trips', () => {
    it('creates a trip, assigns and unassigns staff, shows its status; each change audited', async () => {
      const { tenant, key, user: ops } = await staff('operations');
      const guide = await staff('field_staff', tenant);
      const created = await api.post('/trips', {
        key,
        body: { code: 'trp123', name: 'Salt flats', departureDate: '2026-06-02' },
      });
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ code: 'TRP123', departureDate: '2026-06-02' });
      const assigned = await api.post('/trips/TRP123/assignments', { key, body: { userId: guide.user.id } });
      expect(assigned.status).to.equal(201);
      const again = await api.post('/trips/trp123/assignments', { key, body: { userId: guide.user.id } });
      expect(again.status).to.equal(200);
      expect(again.body.assigned).to.equal(false);
      const trip = { id: created.body.id, tenantId: tenant.id };
      const acknowledgedAt = new Date('2026-06-02T09:30:00.000Z');
      await anIncident(trip, 'INC-1', 'acknowledged', {
        acknowledged_by: ops.id,
        acknowledged_at: acknowledgedAt,
      });
      await anIncident(trip, 'INC-2');
      await anIncident(trip, 'INC-3', 'resolved');
      const status = await api.get('/trips/trp123', { key: guide.key });
      expect(status.status).to.equal(200);
      expect(status.body.assignedStaff.map((s: { id: string }) => s.id)).to.deep.equal([guide.user.id]);
      expect(status.body.lastCheckIn).to.equal(null);
      // An acknowledged incident is still open until it is resolved.
      expect(
        status.body.openIncidents.map(({ ref, status, acknowledged }: Record<string, unknown>) => ({
          ref,
          status,
          acknowledged,
        })),
      ).to.deep.equal([
        {
          ref: 'INC-1',
          status: 'acknowledged',
          acknowledged: { by: ops.name, at: acknowledgedAt.toISOString() },
        },
        { ref: 'INC-2', status: 'open', acknowledged: null },
      ]);
      expect((await api.delete(`/trips/TRP123/assignments/${guide.user.id}`, { key })).status).to.equal(204);
      expect(await actions(tenant.id)).to.deep.equal(['TRIP_CREATED', 'STAFF_ASSIGNED', 'STAFF_UNASSIGNED']);
    });

    it('refuses a field it does not know, naming it, and creates nothing', async () => {
      const { tenant, key } = await staff('operations');
      const res = await api.post('/trips', {
        key,
        body: { code: 'TRP9', name: 'Salt flats', departureDate: '2026-06-02', departure_date: '2026-06-03' },
      });
      expect(res.status).to.equal(400);
      expect(res.body.fields).to.deep.equal([
        { field: 'departure_date', message: 'is not allowed', in: 'body' },
      ]);
      expect(await testDb().knex('trips').where({ tenant_id: tenant.id })).to.have.length(0);
    });

    it('lists trips; field staff see only theirs', async () => {
      const { tenant, key } = await staff('operations');
      const guide = await staff('field_staff', tenant);
      const mine = await aTrip(tenant);
      await aTrip(tenant);
      await anAssignment(mine, guide.user);
      expect((await api.get('/trips', { key })).body.data).to.have.length(2);
      const theirs = await api.get('/trips', { key: guide.key });
      expect(theirs.body.data.map((t: { id: string }) => t.id)).to.deep.equal([mine.id]);
    });

    it('answers 400, 403, 404 and 409 as it should', async () => {
      const { tenant, key } = await staff('operations');
      const bad = await api.post('/trips', { key, body: { code: '!', departureDate: '2026-13-45' } });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members(['name']);
      const sales = await staff('sales', tenant);
      const body = { code: 'TRP9', name: 'X', departureDate: '2026-01-01' };
      expect((await api.post('/trips', { key: sales.key, body })).status).to.equal(403);
      expect((await api.post('/trips', { key, body })).status).to.equal(201);
      expect((await api.post('/trips', { key, body })).status).to.equal(409);
      const other = await staff('operations');
      expect((await api.get('/trips/TRP9', { key: other.key })).status).to.equal(404);
      const outsider = await staff('field_staff');
      const assign = await api.post('/trips/TRP9/assignments', { key, body: { userId: outsider.user.id } });
      expect(assign.status).to.equal(404);
      const guide = await staff('field_staff', tenant);
      expect((await api.get('/trips/TRP9', { key: guide.key })).status).to.equal(403);
      expect((await api.delete(`/trips/TRP9/assignments/${guide.user.id}`, { key })).status).to.equal(404);
    });
  });

  describe('incidents', () => {
    it('lists and reads incidents; field staff only on their trips', async () => {
      const { tenant, key } = await staff('operations');
      const guide = await staff('field_staff', tenant);
      const trip = await aTrip(tenant, { code: 'TRP1' });
      const elsewhere = await aTrip(tenant, { code: 'TRP2' });
      await anAssignment(trip, guide.user);
      const one = await anIncident(trip, 'INC-1', 'open', { reporter_id: guide.user.id });
      await anIncident(elsewhere, 'INC-2', 'resolved', { resolved_by: guide.user.id });
      expect((await api.get('/incidents', { key })).body.data).to.have.length(2);
      const open = await api.get('/incidents', { key, query: { status: 'open', tripCode: 'trp1' } });
      expect(open.body.data.map((i: { ref: string }) => i.ref)).to.deep.equal(['INC-1']);
      const theirs = await api.get('/incidents', { key: guide.key });
      expect(theirs.body.data.map((i: { ref: string }) => i.ref)).to.deep.equal(['INC-1']);
      const read = await api.get('/incidents/inc-1', { key: guide.key });
      expect(read.body).to.include({
        id: one.id,
        reporterId: guide.user.id,
        reporterName: guide.user.name,
        acknowledgedByName: null,
        resolvedByName: null,
      });
      const resolved = await api.get('/incidents', { key, query: { status: 'resolved' } });
      expect(resolved.body.data[0]).to.include({ ref: 'INC-2', resolvedByName: guide.user.name });
      expect((await api.get('/incidents/INC-2', { key: guide.key })).status).to.equal(403);
    });

    it('PATCH resolves through ResolveIncidents and tells the trip’s customers when asked', async () => {
      const { tenant, key } = await staff('operations');
      const trip = await aTrip(tenant);
      await aBookingOn(trip, '+5491155550001');
      const incident = await anIncident(trip);
      const res = await api.patch(`/incidents/${incident.id}`, {
        key,
        body: {
          status: 'resolved',
          note: 'Tyre changed',
          notifyCustomers: true,
          message: 'We are moving again',
        },
      });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({
        status: 'resolved',
        resolutionNote: 'Tyre changed',
        customersNotified: 1,
      });
      expect(await actions(tenant.id)).to.deep.equal(['INCIDENT_RESOLVED']);
      const twice = await api.patch(`/incidents/${incident.ref}`, { key, body: { status: 'resolved' } });
      expect(twice.status).to.equal(422);
    });

    it('answers 400 without a message to customers, 404 across tenants, 403 to sales', async () => {
      const { tenant, key } = await staff('operations');
      const incident = await anIncident(await aTrip(tenant));
      const bad = await api.patch(`/incidents/${incident.id}`, {
        key,
        body: { status: 'open', notifyCustomers: true },
      });
      expect(bad.status).to.equal(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.include.members([
        'status',
        'message',
      ]);
      const other = await staff('operations');
      const body = { status: 'resolved' };
      expect((await api.patch(`/incidents/${incident.id}`, { key: other.key, body })).status).to.equal(404);
      expect((await api.get(`/incidents/${incident.id}`, { key: other.key })).status).to.equal(404);
      const sales = await staff('sales', tenant);
      expect((await api.patch(`/incidents/${incident.id}`, { key: sales.key, body })).status).to.equal(403);
    });
  });
});
