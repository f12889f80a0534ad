import { expect } from 'chai';
import type { ReportIncident } from '../../../src/modules/incident/application/ReportIncident';
import { PermissionError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aCustomerActor, anActor, anAssignment, aTrip } from '../../support/tripBuilders';
import { expectRefusedWithoutWrites, queuedMessages, timelineOf, tripTestContainer } from './tripTestSupport';

describe('ReportIncident', () => {
  it('opens INC-1 on the trip, writes both timelines and alerts every operations and manager user', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff', name: 'Ana' });
    const ops = await aUser(tenant, { role: 'operations' });
    const manager = await aUser(tenant, { role: 'manager' });
    await aUser(tenant, { role: 'sales' });
    const idle = await aUser(tenant, { role: 'operations' });
    await testDb().knex('users').where({ id: idle.id }).update({ active: false });
    await aUser(await aTenant(), { role: 'operations' });
    const trip = await aTrip(tenant, { code: 'TRP123' });
    await anAssignment(trip, guide);

    const { incident, alerted } = await container
      .get<ReportIncident>(TYPES.ReportIncident)
      .execute({ actor: anActor(guide), tripCode: 'trp123', description: ' Bus broke down ' });

    expect(alerted).to.equal(2);
    expect(incident).to.include({ ref: 'INC-1', tripId: trip.id, reporterId: guide.id, status: 'open' });
    const [row] = await testDb().knex('incidents');
    expect(row).to.include({
      ref: 'INC-1',
      trip_id: trip.id,
      reporter_id: guide.id,
      description: 'Bus broke down',
      status: 'open',
    });
    const [onTrip] = await timelineOf('trip', trip.id);
    expect(onTrip).to.include({ event_type: 'INCIDENT', source: 'WHATSAPP', actor: guide.id });
    expect(onTrip.content).to.deep.equal({
      action: 'INCIDENT_CREATED',
      incidentRef: 'INC-1',
      description: 'Bus broke down',
    });
    const [onIncident] = await timelineOf('incident', incident.id);
    expect(onIncident).to.include({ event_type: 'SYSTEM', source: 'WHATSAPP' });
    expect(onIncident.content.action).to.equal('INCIDENT_CREATED');

    const queued = await queuedMessages();
    expect(queued.map((m) => m.customer_phone).sort()).to.deep.equal([ops.phone, manager.phone].sort());
    for (const message of queued) {
      expect(message.direction).to.equal('OUTBOUND');
      expect(message.content.purpose).to.equal('notification');
      expect(message.content.template).to.deep.equal({
        name: 'incident_alert',
        language: 'en',
        params: ['TRP123', 'INC-1', 'Bus broke down', 'Ana'],
      });
      expect(message.content.text).to.equal(
        'Incident INC-1 on trip TRP123: Bus broke down (reported by Ana).',
      );
    }
    const audit = await testDb().knex('whatsapp_audit_logs').where({ action: 'INCIDENT_REPORTED' });
    expect(audit).to.have.length(1);
    expect(audit[0]).to.include({ actor: guide.id, entity_type: 'incident', entity_id: incident.id });
  });

  it('does not alert the operations user who reported it, and writes the alert in the tenant language', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    await testDb().knex('tenants').where({ id: tenant.id }).update({ default_language: 'es' });
    const reporter = await aUser(tenant, { role: 'operations', name: 'Bruno' });
    const manager = await aUser(tenant, { role: 'manager' });
    const trip = await aTrip(tenant);
    const { alerted } = await container
      .get<ReportIncident>(TYPES.ReportIncident)
      .execute({ actor: anActor(reporter, { source: 'WEB' }), tripCode: trip.code, description: 'Storm' });
    expect(alerted).to.equal(1);
    const [message] = await queuedMessages();
    expect(message.customer_phone).to.equal(manager.phone);
    expect(message.content.template.language).to.equal('es');
    expect(message.content.text).to.equal(
      `Incidente INC-1 en el viaje ${trip.code}: Storm (informado por Bruno).`,
    );
  });

  it('refuses ISSUE from a customer, writing nothing', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    await aUser(tenant, { role: 'operations' });
    const trip = await aTrip(tenant);
    const error = await expectRefusedWithoutWrites(() =>
      container
        .get<ReportIncident>(TYPES.ReportIncident)
        .execute({ actor: aCustomerActor(tenant), tripCode: trip.code, description: 'The bus is late' }),
    );
    expect(error).to.be.instanceOf(PermissionError);
  });

  it('refuses ISSUE from a guide not assigned to the trip, writing nothing', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    await aUser(tenant, { role: 'operations' });
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    const error = await expectRefusedWithoutWrites(() =>
      container
        .get<ReportIncident>(TYPES.ReportIncident)
        .execute({ actor: anActor(guide), tripCode: trip.code, description: 'Flat tyre' }),
    );
    expect(error).to.be.instanceOf(PermissionError);
    expect((error as PermissionError).details).to.deep.equal({ reason: 'NOT_ASSIGNED', tripCode: trip.code });
  });

  it('refuses an empty description, naming the field, and spends no ref', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const ops = await aUser(tenant, { role: 'operations' });
    const trip = await aTrip(tenant);
    const error = await expectRefusedWithoutWrites(() =>
      container
        .get<ReportIncident>(TYPES.ReportIncident)
        .execute({ actor: anActor(ops), tripCode: trip.code, description: '  ' }),
    );
    expect((error as ValidationError).fields).to.deep.equal([
      { field: 'description', message: 'must not be empty' },
    ]);
  });

  it('gives distinct refs to two incidents reported at the same time on one trip', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const [a, b] = [
      await aUser(tenant, { role: 'field_staff' }),
      await aUser(tenant, { role: 'field_staff' }),
    ];
    await aUser(tenant, { role: 'operations' });
    const trip = await aTrip(tenant);
    await anAssignment(trip, a);
    await anAssignment(trip, b);
    const report = container.get<ReportIncident>(TYPES.ReportIncident);
    const results = await Promise.all([
      report.execute({ actor: anActor(a), tripCode: trip.code, description: 'Flat tyre' }),
      report.execute({ actor: anActor(b), tripCode: trip.code, description: 'Road closed' }),
    ]);
    expect(results.map((r) => r.incident.ref).sort()).to.deep.equal(['INC-1', 'INC-2']);
    expect(await testDb().knex('incidents').where({ trip_id: trip.id })).to.have.length(2);
    expect(await queuedMessages()).to.have.length(2);
  });
});
