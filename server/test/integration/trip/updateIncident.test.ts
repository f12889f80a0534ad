import { expect } from 'chai';
import type { GetTripStatus } from '../../../src/modules/trip/application/GetTripStatus';
import type { ReportIncident } from '../../../src/modules/incident/application/ReportIncident';
import type { ResolveIncidents } from '../../../src/modules/incident/application/ResolveIncidents';
import type { UpdateIncident } from '../../../src/modules/incident/application/UpdateIncident';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import { BusinessRuleError, PermissionError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBookingOn, anActor, anAssignment, aTrip } from '../../support/tripBuilders';
import { expectRefusedWithoutWrites, queuedMessages, timelineOf, tripTestContainer } from './tripTestSupport';

describe('UpdateIncident: acknowledgement and progress notes (SPEC §22)', () => {
  async function setUp() {
    const ctx = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff', name: 'Ana' });
    const ops = await aUser(tenant, { role: 'operations', name: 'Omar' });
    const manager = await aUser(tenant, { role: 'manager' });
    const trip = await aTrip(tenant, { code: 'TRP7' });
    await anAssignment(trip, guide);
    const report = async (actor: Actor = anActor(guide)) =>
      (
        await ctx.container
          .get<ReportIncident>(TYPES.ReportIncident)
          .execute({ actor, tripCode: trip.code, description: 'Flat tyre' })
      ).incident;
    const update = ctx.container.get<UpdateIncident>(TYPES.UpdateIncident);
    const clearQueue = () => testDb().knex('whatsapp_messages').delete();
    return { ...ctx, tenant, guide, ops, manager, trip, report, update, clearQueue };
  }

  it('acknowledges an open incident: status, history, both timelines, audit, and the reporter told', async () => {
    const { guide, ops, trip, report, update, clearQueue, clock } = await setUp();
    const incident = await report();
    await clearQueue();
    const result = await update.execute({
      actor: anActor(ops, { source: 'WEB' }),
      incidentId: incident.id,
      acknowledge: 'required',
      note: 'Backup van on the way',
    });
    expect(result).to.include({ alerted: 1, customersNotified: 0 });
    const [row] = await testDb().knex('incidents').where({ id: incident.id });
    expect(row).to.include({ status: 'acknowledged', acknowledged_by: ops.id });
    expect(row.acknowledged_at).to.deep.equal(clock.now());
    const [history] = await testDb().knex('incident_updates').where({ incident_id: incident.id });
    expect(history).to.include({ kind: 'acknowledged', note: 'Backup van on the way', author_id: ops.id });
    for (const [type, id] of [
      ['trip', trip.id],
      ['incident', incident.id],
    ]) {
      const entry = (await timelineOf(type, id)).find((e) => e.content.action === 'INCIDENT_ACKNOWLEDGED');
      expect(entry).to.include({ event_type: 'INCIDENT', source: 'WEB', actor: ops.id });
      expect(entry.content.note).to.equal('Backup van on the way');
    }
    const messages = await queuedMessages();
    expect(messages.map((m) => m.customer_phone)).to.deep.equal([guide.phone]);
    expect(messages[0].content.template.params).to.deep.equal([
      'TRP7',
      'INC-1',
      'Acknowledged: Backup van on the way',
    ]);
    const audits = await testDb().knex('whatsapp_audit_logs').where({ action: 'INCIDENT_ACKNOWLEDGED' });
    expect(audits).to.have.length(1);
    const events = await testDb().knex('events').where({ type: 'incident.updated' });
    expect(events.map((e) => e.data.status)).to.deep.equal(['acknowledged']);
  });

  it('adds a progress note without changing the status, telling the trip’s customers when asked', async () => {
    const { guide, ops, trip, report, update, clearQueue } = await setUp();
    const incident = await report();
    await aBookingOn(trip, '+5491155550001');
    await aBookingOn(trip, '+5491155550002', 'cancelled');
    await clearQueue();
    const result = await update.execute({
      actor: anActor(ops),
      incidentRef: 'inc-1',
      note: 'Mechanic 20 minutes away',
      notifyCustomers: true,
      message: 'A short delay: we expect to leave within the hour.',
    });
    expect(result.update).to.include({ kind: 'note', customersNotified: 1 });
    expect((await testDb().knex('incidents').where({ id: incident.id }).first()).status).to.equal('open');
    const sent = (await queuedMessages()).map((m) => [m.customer_phone, m.content.template.params[2]]);
    expect(sent).to.have.deep.members([
      [guide.phone, 'Mechanic 20 minutes away'],
      ['+5491155550001', 'A short delay: we expect to leave within the hour.'],
    ]);
    const note = (await timelineOf('incident', incident.id)).find(
      (e) => e.content.action === 'INCIDENT_UPDATED',
    );
    expect(note).to.include({ event_type: 'NOTE' });
    expect(note.content).to.include({ note: 'Mechanic 20 minutes away', customersNotified: 1 });
  });

  it('refuses a second acknowledgement and notes on a resolved incident, writing nothing', async () => {
    const { ops, report, update, container } = await setUp();
    await report();
    await update.execute({ actor: anActor(ops), incidentRef: 'INC-1', acknowledge: 'required' });
    const twice = await expectRefusedWithoutWrites(() =>
      update.execute({ actor: anActor(ops), incidentRef: 'INC-1', acknowledge: 'required' }),
    );
    expect(twice).to.be.instanceOf(BusinessRuleError).with.property('code', 'INCIDENT_ALREADY_ACKNOWLEDGED');
    // An UPDATE over WhatsApp on an acknowledged incident is a note.
    const note = await update.execute({
      actor: anActor(ops),
      incidentRef: 'INC-1',
      acknowledge: 'if_open',
      note: 'Still waiting',
    });
    expect(note.update.kind).to.equal('note');
    await container
      .get<ResolveIncidents>(TYPES.ResolveIncidents)
      .execute({ actor: anActor(ops), incidentRef: 'INC-1', note: 'Fixed' });
    const late = await expectRefusedWithoutWrites(() =>
      update.execute({ actor: anActor(ops), incidentRef: 'INC-1', note: 'one more thing' }),
    );
    expect(late).to.be.instanceOf(BusinessRuleError).with.property('code', 'INCIDENT_ALREADY_RESOLVED');
  });

  it('is for operations and managers: field staff are refused, and an update needs a note or a status', async () => {
    const { guide, ops, report, update } = await setUp();
    await report();
    const refused = await expectRefusedWithoutWrites(() =>
      update.execute({ actor: anActor(guide), incidentRef: 'INC-1', note: 'on my way' }),
    );
    expect(refused).to.be.instanceOf(PermissionError);
    const empty = await expectRefusedWithoutWrites(() =>
      update.execute({ actor: anActor(ops), incidentRef: 'INC-1', note: '  ' }),
    );
    expect((empty as ValidationError).fields[0].field).to.equal('note');
  });

  it('does not tell a reporter about their own update', async () => {
    const { ops, report, update, clearQueue } = await setUp();
    await report(anActor(ops));
    await clearQueue();
    const result = await update.execute({
      actor: anActor(ops),
      incidentRef: 'INC-1',
      note: 'Sorted it myself',
    });
    expect(result.alerted).to.equal(0);
    expect(await queuedMessages()).to.deep.equal([]);
  });

  it('keeps an acknowledged incident among the trip’s open incidents until it is resolved', async () => {
    const { ops, guide, report, update, container } = await setUp();
    await report();
    await update.execute({ actor: anActor(ops), incidentRef: 'INC-1', acknowledge: 'required' });
    const status = await container
      .get<GetTripStatus>(TYPES.GetTripStatus)
      .execute({ actor: anActor(guide), tripCode: 'TRP7' });
    expect(status.openIncidents.map(({ ref, status }) => ({ ref, status }))).to.deep.equal([
      { ref: 'INC-1', status: 'acknowledged' },
    ]);
    expect(status.openIncidents[0].acknowledged?.by).to.equal('Omar');
    const { resolved } = await container
      .get<ResolveIncidents>(TYPES.ResolveIncidents)
      .execute({ actor: anActor(guide), tripCode: 'TRP7' });
    expect(resolved.map((i) => i.ref)).to.deep.equal(['INC-1']);
  });
});
