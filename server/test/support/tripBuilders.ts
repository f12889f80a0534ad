import type { Actor } from '../../src/modules/identity/domain/Actor';
import type { Tenant } from '../../src/modules/identity/domain/Tenant';
import type { User } from '../../src/modules/identity/domain/User';
import type { Trip } from '../../src/modules/trip/domain/Trip';
import { KnexTripRepository } from '../../src/modules/trip/infrastructure/KnexTripRepository';
import { testDb } from './integrationHooks';

let sequence = 0;
const next = () => ++sequence;

export async function aTrip(
  tenant: Pick<Tenant, 'id'>,
  overrides: Partial<{ code: string; name: string; departureDate: string }> = {},
): Promise<Trip> {
  const n = next();
  const trip = await new KnexTripRepository(testDb()).create({
    tenantId: tenant.id,
    code: `TRP${100 + n}`,
    name: `Trip ${n}`,
    departureDate: '2026-04-15',
    ...overrides,
  });
  if (!trip) throw new Error(`aTrip: the code ${overrides.code} is taken`);
  return trip;
}

export async function anAssignment(trip: Trip, user: Pick<User, 'id'>): Promise<void> {
  await new KnexTripRepository(testDb()).addAssignment(trip.tenantId, trip.id, user.id);
}

/** A staff user acting over WhatsApp (or `source: 'WEB'` for REST). */
export function anActor(user: User, overrides: Partial<Actor> = {}): Actor {
  return {
    tenantId: user.tenantId,
    role: user.role,
    userId: user.id,
    phone: user.phone,
    name: user.name,
    source: 'WHATSAPP',
    ...overrides,
  };
}

export function aCustomerActor(tenant: Pick<Tenant, 'id'>, phone = '+5491155550000'): Actor {
  return { tenantId: tenant.id, role: 'customer', phone, source: 'WHATSAPP' };
}

/** A booking row on the trip, for the trip's customers (the booking module owns the real thing). */
export async function aBookingOn(
  trip: Trip,
  customerPhone: string,
  status: 'pending_payment' | 'confirmed' | 'cancelled' = 'confirmed',
): Promise<void> {
  await testDb()
    .knex('bookings')
    .insert({
      tenant_id: trip.tenantId,
      ref: `BK-${next()}`,
      trip_id: trip.id,
      customer_phone: customerPhone,
      party_size: 2,
      amount: '1200.00',
      currency: 'USD',
      status,
    });
}
