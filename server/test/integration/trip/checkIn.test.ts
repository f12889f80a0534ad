import { expect } from 'chai';
import type { AttachTripMedia } from '../../../src/modules/incident/application/AttachTripMedia';
import type { CheckIn } from '../../../src/modules/incident/application/CheckIn';
import { NotFoundError, PermissionError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aCustomerActor, anActor, anAssignment, aTrip } from '../../support/tripBuilders';
import { expectRefusedWithoutWrites, timelineOf, tripTestContainer } from './tripTestSupport';

describe('CheckIn', () => {
  it('records the check-in of an assigned guide on the trip timeline and in the audit log', async () => {
    const { container, clock } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    await anAssignment(trip, guide);
    const checkIn = await container
      .get<CheckIn>(TYPES.CheckIn)
      .execute({ actor: anActor(guide), tripCode: trip.code.toLowerCase(), note: ' at the border ' });
    expect(checkIn).to.include({ tripId: trip.id, userId: guide.id, note: 'at the border' });
    expect(checkIn.checkedInAt).to.deep.equal(clock.now());
    const rows = await testDb().knex('check_ins');
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ trip_id: trip.id, user_id: guide.id, note: 'at the border' });
    const [entry] = await timelineOf('trip', trip.id);
    expect(entry).to.include({ event_type: 'CHECKIN', source: 'WHATSAPP', actor: guide.id });
    expect(entry.content).to.deep.equal({ action: 'CHECKED_IN', note: 'at the border' });
    const audit = await testDb().knex('whatsapp_audit_logs').where({ action: 'CHECKED_IN' });
    expect(audit).to.have.length(1);
  });

  it('lets operations check in on any trip, from the web', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const ops = await aUser(tenant, { role: 'operations' });
    const trip = await aTrip(tenant);
    await container
      .get<CheckIn>(TYPES.CheckIn)
      .execute({ actor: anActor(ops, { source: 'WEB' }), tripCode: trip.code });
    const [entry] = await timelineOf('trip', trip.id);
    expect(entry).to.include({ event_type: 'CHECKIN', source: 'WEB' });
  });

  it('refuses CHECKIN from a guide not assigned to the trip, writing nothing', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    await anAssignment(await aTrip(tenant), guide);
    const error = await expectRefusedWithoutWrites(() =>
      container.get<CheckIn>(TYPES.CheckIn).execute({ actor: anActor(guide), tripCode: trip.code }),
    );
    expect(error).to.be.instanceOf(PermissionError);
    expect(error).to.have.property('code', 'PERMISSION_DENIED');
    expect((error as PermissionError).details).to.deep.equal({ reason: 'NOT_ASSIGNED', tripCode: trip.code });
  });

  it('refuses CHECKIN from sales and from a customer, writing nothing', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const sales = await aUser(tenant, { role: 'sales' });
    const trip = await aTrip(tenant);
    await anAssignment(trip, sales);
    const checkIn = container.get<CheckIn>(TYPES.CheckIn);
    for (const actor of [anActor(sales), aCustomerActor(tenant)]) {
      const error = await expectRefusedWithoutWrites(() => checkIn.execute({ actor, tripCode: trip.code }));
      expect(error).to.be.instanceOf(PermissionError);
    }
  });

  it('answers NotFound for a trip of another tenant', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const ops = await aUser(tenant, { role: 'operations' });
    const elsewhere = await aTrip(await aTenant());
    const error = await expectRefusedWithoutWrites(() =>
      container.get<CheckIn>(TYPES.CheckIn).execute({ actor: anActor(ops), tripCode: elsewhere.code }),
    );
    expect(error).to.be.instanceOf(NotFoundError);
  });
});

describe('AttachTripMedia', () => {
  it('puts the media on the trip timeline', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    await anAssignment(trip, guide);
    const messageId = '7d4c6a9e-0000-4000-8000-000000000001';
    await container.get<AttachTripMedia>(TYPES.AttachTripMedia).execute({
      actor: anActor(guide),
      tripCode: trip.code,
      messageId,
      mediaType: 'image',
      caption: `${trip.code} group photo`,
    });
    const [entry] = await timelineOf('trip', trip.id);
    expect(entry).to.include({ event_type: 'MESSAGE', source: 'WHATSAPP', actor: guide.id });
    expect(entry.content).to.deep.equal({
      action: 'MEDIA_ADDED',
      messageId,
      mediaType: 'image',
      caption: `${trip.code} group photo`,
    });
  });

  it('refuses media from a guide not assigned to the trip, writing nothing', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    const error = await expectRefusedWithoutWrites(() =>
      container.get<AttachTripMedia>(TYPES.AttachTripMedia).execute({
        actor: anActor(guide),
        tripCode: trip.code,
        messageId: '7d4c6a9e-0000-4000-8000-000000000001',
        mediaType: 'image',
      }),
    );
    expect(error).to.be.instanceOf(PermissionError);
  });
});
