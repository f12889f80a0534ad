import { expect } from 'chai';
import type { ReportIncident } from '../../../src/modules/incident/application/ReportIncident';
import type { ResolveIncidents } from '../../../src/modules/incident/application/ResolveIncidents';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type { Trip } from '../../../src/modules/trip/domain/Trip';
import {
  BusinessRuleError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBookingOn, anActor, anAssignment, aTrip } from '../../support/tripBuilders';
import { expectRefusedWithoutWrites, queuedMessages, timelineOf, tripTestContainer } from './tripTestSupport';

describe('ResolveIncidents', () => {
  async function setUp() {
    const ctx = tripTestContainer();
    const tenant: Tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff', name: 'Ana' });
    const ops = await aUser(tenant, { role: 'operations' });
    const manager = await aUser(tenant, { role: 'manager' });
    const trip: Trip = await aTrip(tenant, { code: 'TRP7' });
    await anAssignment(trip, guide);
    const report = (actor: Actor, description: string) =>
      ctx.container
        .get<ReportIncident>(TYPES.ReportIncident)
        .execute({ actor, tripCode: trip.code, description });
    const resolve = ctx.container.get<ResolveIncidents>(TYPES.ResolveIncidents);
    const clearQueue = () => testDb().knex('whatsapp_messages').delete();
    return { ...ctx, tenant, guide, ops, manager, trip, report, resolve, clearQueue };
  }

  it('resolves INC-n by ref: row, both timelines, audit, and an update to operations and the reporter but not the resolver', async () => {
    const { guide, ops, manager, trip, report, resolve, clearQueue, clock } = await setUp();
    const { incident } = await report(anActor(guide), 'Flat tyre');
    await clearQueue();
    const { resolved, alerted } = await resolve.execute({
      actor: anActor(ops),
      incidentRef: 'inc-1',
      note: 'Tyre changed',
    });
    expect(resolved.map((i) => i.ref)).to.deep.equal(['INC-1']);
    expect(alerted).to.equal(2);
    const [row] = await testDb().knex('incidents').where({ id: incident.id });
    expect(row).to.include({ status: 'resolved', resolution_note: 'Tyre changed', resolved_by: ops.id });
    expect(row.resolved_at).to.deep.equal(clock.now());
    for (const [type, id] of [
      ['trip', trip.id],
      ['incident', incident.id],
    ]) {
      const entries = await timelineOf(type, id);
      const entry = entries.find((e) => e.content.action === 'INCIDENT_RESOLVED');
      expect(entry).to.include({ event_type: 'INCIDENT', source: 'WHATSAPP', actor: ops.id });
    }
    const messages = await queuedMessages();
    expect(messages.map((m) => m.customer_phone)).to.have.members([manager.phone, guide.phone]);
    for (const message of messages)
      expect(message.content.template).to.deep.equal({
        name: 'incident_update',
        language: 'en',
        params: ['TRP7', 'INC-1', 'Resolved: Tyre changed'],
      });
    const [update] = await testDb().knex('incident_updates').where({ incident_id: incident.id });
    expect(update).to.include({ kind: 'resolved', note: 'Tyre changed', author_id: ops.id });
    expect(await testDb().knex('whatsapp_audit_logs').where({ action: 'INCIDENT_RESOLVED' })).to.have.length(
      1,
    );
  });

  it('refuses to resolve the same incident twice, writing nothing', async () => {
    const { guide, report, resolve } = await setUp();
    await report(anActor(guide), 'Flat tyre');
    await resolve.execute({ actor: anActor(guide), incidentRef: 'INC-1' });
    const error = await expectRefusedWithoutWrites(() =>
      resolve.execute({ actor: anActor(guide), incidentRef: 'INC-1' }),
    );
    expect(error).to.be.instanceOf(BusinessRuleError).with.property('code', 'INCIDENT_ALREADY_RESOLVED');
  });

  it('resolves every open incident of a trip at once, alerting each operations user once', async () => {
    const { guide, trip, report, resolve, clearQueue } = await setUp();
    await report(anActor(guide), 'Flat tyre');
    await report(anActor(guide), 'Road closed');
    await clearQueue();
    const { resolved, alerted } = await resolve.execute({
      actor: anActor(guide),
      tripCode: 'trp7',
      note: 'All good',
    });
    expect(resolved.map((i) => i.ref)).to.deep.equal(['INC-1', 'INC-2']);
    expect(alerted).to.equal(2);
    const rows = await testDb().knex('incidents').where({ trip_id: trip.id });
    expect(rows.map((r) => r.status)).to.deep.equal(['resolved', 'resolved']);
    const queued = await queuedMessages();
    expect(queued.map((m) => m.content.template.params)).to.deep.equal([
      ['TRP7', 'INC-1, INC-2', 'Resolved: All good'],
      ['TRP7', 'INC-1, INC-2', 'Resolved: All good'],
    ]);
    const after = await resolve.execute({ actor: anActor(guide), tripCode: 'TRP7' }).catch((e: unknown) => e);
    expect(after).to.be.instanceOf(BusinessRuleError).with.property('code', 'NO_OPEN_INCIDENTS');
  });

  it('refuses RESOLVED INC-n from a guide not assigned to its trip, writing nothing', async () => {
    const { tenant, guide, report, resolve } = await setUp();
    await report(anActor(guide), 'Flat tyre');
    const other = await aUser(tenant, { role: 'field_staff' });
    const error = await expectRefusedWithoutWrites(() =>
      resolve.execute({ actor: anActor(other), incidentRef: 'INC-1' }),
    );
    expect(error).to.be.instanceOf(PermissionError);
    expect((error as PermissionError).details).to.deep.equal({ reason: 'NOT_ASSIGNED', tripCode: 'TRP7' });
  });

  it('answers NotFound for an unknown ref or id', async () => {
    const { ops, resolve } = await setUp();
    expect(
      await resolve.execute({ actor: anActor(ops), incidentRef: 'INC-99' }).catch((e: unknown) => e),
    ).to.be.instanceOf(NotFoundError);
    expect(
      await resolve.execute({ actor: anActor(ops), incidentId: 'nope' }).catch((e: unknown) => e),
    ).to.be.instanceOf(NotFoundError);
  });

  it('notifies the trip customers once each, each in their language, when asked to (REST PATCH), by incident id', async () => {
    const { manager, guide, trip, report, resolve, clearQueue } = await setUp();
    const { incident } = await report(anActor(guide), 'Flat tyre');
    await aBookingOn(trip, '+5491155550001');
    await aBookingOn(trip, '+5491155550001', 'pending_payment');
    await aBookingOn(trip, '+5491155550002');
    await aBookingOn(trip, '+5491155550003', 'cancelled');
    await testDb().knex('contacts').insert({
      tenant_id: trip.tenantId,
      phone: '+5491155550002',
      language: 'es',
      language_source: 'staff',
    });
    await clearQueue();
    const result = await resolve.execute({
      actor: anActor(manager, { source: 'WEB' }),
      incidentId: incident.id,
      note: 'internal: replaced by bus 12',
      notifyCustomers: true,
      message: 'The trip continues as planned.',
    });
    expect(result.customersNotified).to.equal(2);
    const toCustomers = (await queuedMessages()).filter((m) => m.customer_phone.startsWith('+54911555500'));
    expect(
      toCustomers.map((m) => [m.customer_phone, m.content.template.language, m.content.template.params]),
    ).to.deep.equal([
      ['+5491155550001', 'en', ['TRP7', 'INC-1', 'The trip continues as planned.']],
      ['+5491155550002', 'es', ['TRP7', 'INC-1', 'The trip continues as planned.']],
    ]);
  });

  it('requires a message to notify customers, naming the field', async () => {
    const { ops, guide, report, resolve } = await setUp();
    await report(anActor(guide), 'Flat tyre');
    const error = await expectRefusedWithoutWrites(() =>
      resolve.execute({ actor: anActor(ops), incidentRef: 'INC-1', notifyCustomers: true }),
    );
    expect((error as ValidationError).fields[0].field).to.equal('message');
  });
});
