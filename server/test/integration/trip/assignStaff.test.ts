import { expect } from 'chai';
import type { AssignStaff } from '../../../src/modules/trip/application/AssignStaff';
import type { UnassignStaff } from '../../../src/modules/trip/application/UnassignStaff';
import { BusinessRuleError, NotFoundError, PermissionError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { anActor, anAssignment, aTrip } from '../../support/tripBuilders';
import { expectRefusedWithoutWrites, timelineOf, tripTestContainer } from './tripTestSupport';

describe('AssignStaff', () => {
  it('assigns a guide once: a second assignment changes nothing', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const ops = await aUser(tenant, { role: 'operations' });
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    const assign = container.get<AssignStaff>(TYPES.AssignStaff);
    const first = await assign.execute({
      actor: anActor(ops),
      tripCode: trip.code.toLowerCase(),
      userId: guide.id,
    });
    const second = await assign.execute({ actor: anActor(ops), tripCode: trip.code, userId: guide.id });
    expect([first.assigned, second.assigned]).to.deep.equal([true, false]);
    expect(await testDb().knex('trip_assignments').where({ trip_id: trip.id })).to.have.length(1);
    expect(await testDb().knex('whatsapp_audit_logs').where({ action: 'STAFF_ASSIGNED' })).to.have.length(1);
  });

  it('tells the assignee (trip_assignment) once, in the same transaction, and not a self-assignment', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant({ defaultLanguage: 'es' });
    const ops = await aUser(tenant, { role: 'operations' });
    const guide = await aUser(tenant, { role: 'field_staff', name: 'Gabriel' });
    const trip = await aTrip(tenant, { code: 'TRP5', name: 'Iguazú', departureDate: '2026-12-14' });
    const assign = container.get<AssignStaff>(TYPES.AssignStaff);
    await assign.execute({ actor: anActor(ops), tripCode: trip.code, userId: guide.id });
    await assign.execute({ actor: anActor(ops), tripCode: trip.code, userId: guide.id });
    await assign.execute({ actor: anActor(ops), tripCode: trip.code, userId: ops.id });
    const messages = await testDb().knex('whatsapp_messages').where({ direction: 'OUTBOUND' });
    expect(messages.map((m) => [m.customer_phone, m.status, m.priority])).to.deep.equal([
      [guide.phone, 'queued', 'high'],
    ]);
    expect(messages[0].content.template).to.deep.equal({
      name: 'trip_assignment',
      language: 'es',
      params: ['Gabriel', 'TRP5', 'Iguazú', '2026-12-14'],
    });
    expect(messages[0].content.text).to.match(/^Hola Gabriel, fuiste asignado al viaje TRP5 \(Iguazú\)/);
  });

  it('refuses a sales user, an inactive user and a user of another tenant', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const ops = await aUser(tenant, { role: 'operations' });
    const trip = await aTrip(tenant);
    const assign = (userId: string) =>
      container
        .get<AssignStaff>(TYPES.AssignStaff)
        .execute({ actor: anActor(ops), tripCode: trip.code, userId });
    const sales = await aUser(tenant, { role: 'sales' });
    const retired = await aUser(tenant, { role: 'field_staff' });
    await testDb().knex('users').where({ id: retired.id }).update({ active: false });
    const stranger = await aUser(await aTenant(), { role: 'field_staff' });
    const refusal = await expectRefusedWithoutWrites(() => assign(sales.id));
    expect(refusal).to.be.instanceOf(BusinessRuleError).with.property('code', 'ROLE_NOT_ASSIGNABLE');
    expect(await expectRefusedWithoutWrites(() => assign(retired.id))).to.be.instanceOf(NotFoundError);
    expect(await expectRefusedWithoutWrites(() => assign(stranger.id))).to.be.instanceOf(NotFoundError);
    expect(await expectRefusedWithoutWrites(() => assign('not-a-uuid'))).to.be.instanceOf(NotFoundError);
  });

  it('refuses a guide assigning staff', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    await anAssignment(trip, guide);
    const error = await expectRefusedWithoutWrites(() =>
      container
        .get<AssignStaff>(TYPES.AssignStaff)
        .execute({ actor: anActor(guide), tripCode: trip.code, userId: guide.id }),
    );
    expect(error).to.be.instanceOf(PermissionError);
  });
});

describe('UnassignStaff', () => {
  it('removes an assignment, and answers NotFound for one that does not exist', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const manager = await aUser(tenant, { role: 'manager' });
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    await anAssignment(trip, guide);
    const unassign = container.get<UnassignStaff>(TYPES.UnassignStaff);
    await unassign.execute({ actor: anActor(manager), tripCode: trip.code, userId: guide.id });
    expect(await testDb().knex('trip_assignments').where({ trip_id: trip.id })).to.have.length(0);
    const [entry] = await timelineOf('trip', trip.id);
    expect(entry.content).to.deep.equal({ action: 'STAFF_UNASSIGNED', userId: guide.id });
    const again = await expectRefusedWithoutWrites(() =>
      unassign.execute({ actor: anActor(manager), tripCode: trip.code, userId: guide.id }),
    );
    expect(again).to.be.instanceOf(NotFoundError);
  });
});
