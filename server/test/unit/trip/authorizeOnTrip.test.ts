import { expect } from 'chai';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import { authorizeOnTrip } from '../../../src/modules/trip/application/authorizeOnTrip';
import type { Trip } from '../../../src/modules/trip/domain/Trip';
import type { TripRepository } from '../../../src/modules/trip/domain/TripRepository';
import { NotFoundError, PermissionError } from '../../../src/shared/errors/AppError';

const trip: Trip = {
  id: 'trip1',
  tenantId: 't1',
  code: 'TRP123',
  name: 'Andes',
  departureDate: '2026-05-01',
  status: 'scheduled',
  createdAt: new Date(),
};

/** Only the two reads the rule uses; the rest are never called. */
function tripsWith(assigned: string[]): TripRepository & { lookups: number } {
  const fake = {
    lookups: 0,
    async findByCode(tenantId: string, code: string) {
      fake.lookups++;
      return tenantId === trip.tenantId && code === trip.code ? trip : undefined;
    },
    async isAssigned(_tenantId: string, _tripId: string, userId: string) {
      return assigned.includes(userId);
    },
  };
  return fake as unknown as TripRepository & { lookups: number };
}

const actor = (role: Actor['role'], userId?: string): Actor => ({
  tenantId: 't1',
  role,
  userId,
  source: 'WHATSAPP',
});

describe('authorizeOnTrip', () => {
  it('lets an assigned guide act, with the code in any case', async () => {
    expect(
      await authorizeOnTrip(tripsWith(['g1']), actor('field_staff', 'g1'), 'check_in', ' trp123'),
    ).to.equal(trip);
  });

  it('lets operations act on a trip they are not assigned to', async () => {
    expect(
      await authorizeOnTrip(tripsWith([]), actor('operations', 'o1'), 'report_incident', 'TRP123'),
    ).to.equal(trip);
  });

  it('refuses a guide who is not assigned, saying why', async () => {
    const error = await authorizeOnTrip(
      tripsWith(['g2']),
      actor('field_staff', 'g1'),
      'check_in',
      'TRP123',
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(PermissionError);
    expect((error as PermissionError).details).to.deep.equal({ reason: 'NOT_ASSIGNED', tripCode: 'TRP123' });
  });

  it('refuses by role before looking the trip up', async () => {
    const trips = tripsWith([]);
    const error = await authorizeOnTrip(trips, actor('sales', 's1'), 'check_in', 'TRP123').catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(PermissionError);
    expect(trips.lookups).to.equal(0);
  });

  it('answers NotFound for an unknown trip', async () => {
    const error = await authorizeOnTrip(tripsWith([]), actor('manager', 'm1'), 'check_in', 'TRP999').catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(NotFoundError);
  });
});
