import { expect } from 'chai';
import type { CheckIn } from '../../../src/modules/incident/application/CheckIn';
import type { ReportIncident } from '../../../src/modules/incident/application/ReportIncident';
import type { ResolveIncidents } from '../../../src/modules/incident/application/ResolveIncidents';
import type { UpdateIncident } from '../../../src/modules/incident/application/UpdateIncident';
import type { GetTripStatus } from '../../../src/modules/trip/application/GetTripStatus';
import { NotFoundError, PermissionError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { aCustomerActor, anActor, anAssignment, aTrip } from '../../support/tripBuilders';
import { tripTestContainer } from './tripTestSupport';

describe('GetTripStatus', () => {
  it('summarises departure, assigned staff, open incidents (acknowledged or not) and the last check-in', async () => {
    const { container, clock } = tripTestContainer();
    const tenant = await aTenant();
    const ana = await aUser(tenant, { role: 'field_staff', name: 'Ana' });
    const bruno = await aUser(tenant, { role: 'operations', name: 'Bruno' });
    const trip = await aTrip(tenant, { code: 'TRP123', name: 'Salt flats', departureDate: '2026-06-02' });
    await anAssignment(trip, ana);
    await anAssignment(trip, bruno);
    const report = container.get<ReportIncident>(TYPES.ReportIncident);
    const { incident: first } = await report.execute({
      actor: anActor(ana),
      tripCode: 'TRP123',
      description: 'Flat tyre',
    });
    clock.advance(60_000);
    const reportedAt = clock.now();
    await report.execute({ actor: anActor(ana), tripCode: 'TRP123', description: 'Lost passport' });
    await report.execute({ actor: anActor(ana), tripCode: 'TRP123', description: 'Broken window' });
    await container
      .get<ResolveIncidents>(TYPES.ResolveIncidents)
      .execute({ actor: anActor(bruno), incidentRef: first.ref, note: 'Changed' });
    clock.advance(60_000);
    const acknowledgedAt = clock.now();
    await container
      .get<UpdateIncident>(TYPES.UpdateIncident)
      .execute({ actor: anActor(bruno), incidentRef: 'INC-2', acknowledge: 'required' });
    const checkIn = container.get<CheckIn>(TYPES.CheckIn);
    await checkIn.execute({ actor: anActor(bruno), tripCode: 'TRP123', note: 'at the hotel' });
    clock.advance(60_000);
    await checkIn.execute({ actor: anActor(ana), tripCode: 'TRP123', note: 'on the bus' });

    const status = await container
      .get<GetTripStatus>(TYPES.GetTripStatus)
      .execute({ actor: anActor(ana), tripCode: 'trp123' });

    expect(status).to.deep.equal({
      id: trip.id,
      code: 'TRP123',
      name: 'Salt flats',
      departureDate: '2026-06-02',
      assignedStaff: [
        { id: ana.id, name: 'Ana', role: 'field_staff' },
        { id: bruno.id, name: 'Bruno', role: 'operations' },
      ],
      openIncidents: [
        {
          ref: 'INC-2',
          description: 'Lost passport',
          status: 'acknowledged',
          reportedAt,
          acknowledged: { by: 'Bruno', at: acknowledgedAt },
        },
        { ref: 'INC-3', description: 'Broken window', status: 'open', reportedAt },
      ],
      lastCheckIn: { by: 'Ana', at: clock.now(), note: 'on the bus' },
    });
  });

  it('leaves out lastCheckIn before anyone has checked in', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const manager = await aUser(tenant, { role: 'manager' });
    const trip = await aTrip(tenant);
    const status = await container
      .get<GetTripStatus>(TYPES.GetTripStatus)
      .execute({ actor: anActor(manager), tripCode: trip.code });
    expect(status).not.to.have.property('lastCheckIn');
    expect(status.openIncidents).to.deep.equal([]);
  });

  it('refuses a guide who is not assigned, a customer, and answers NotFound for an unknown trip', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const guide = await aUser(tenant, { role: 'field_staff' });
    const trip = await aTrip(tenant);
    const getStatus = container.get<GetTripStatus>(TYPES.GetTripStatus);
    const unassigned = await getStatus
      .execute({ actor: anActor(guide), tripCode: trip.code })
      .catch((e: unknown) => e);
    expect(unassigned).to.be.instanceOf(PermissionError);
    expect((unassigned as PermissionError).details).to.deep.equal({
      reason: 'NOT_ASSIGNED',
      tripCode: trip.code,
    });
    const customer = await getStatus
      .execute({ actor: aCustomerActor(tenant), tripCode: trip.code })
      .catch((e: unknown) => e);
    expect(customer).to.be.instanceOf(PermissionError);
    const manager = await aUser(tenant, { role: 'manager' });
    const unknown = await getStatus
      .execute({ actor: anActor(manager), tripCode: 'NOPE1' })
      .catch((e: unknown) => e);
    expect(unknown).to.be.instanceOf(NotFoundError);
  });
});
