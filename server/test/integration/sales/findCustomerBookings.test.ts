import { expect } from 'chai';
import type { FindCustomerBookings } from '../../../src/modules/booking/application/FindCustomerBookings';
import { TYPES } from '../../../src/types';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aCustomerPhone, aTripRow } from '../../support/salesBuilders';
import { salesContext } from './salesTestKit';

describe('FindCustomerBookings', () => {
  async function pay(bookingId: string, tenantId: string, amount: string, reference: string) {
    await testDb()
      .knex('payments')
      .insert({ tenant_id: tenantId, booking_id: bookingId, amount, currency: 'USD', reference });
  }

  it("lists the customer's bookings with trip, status and payment state", async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    const phone = aCustomerPhone();
    const trip = await aTripRow(tenant, 'TRP123', { name: 'Fitz Roy Trek', departureDate: '2026-12-05' });
    const unpaid = await aBooking(tenant, { customerPhone: phone, tripId: trip.id, amount: '1000.00' });
    const partial = await aBooking(tenant, { customerPhone: phone, tripId: trip.id, amount: '1000.00' });
    const paid = await aBooking(tenant, { customerPhone: phone, amount: '500.00', status: 'confirmed' });
    await pay(partial.id, tenant.id, '250.50', 'A');
    await pay(paid.id, tenant.id, '500', 'B');
    const list = await get<FindCustomerBookings>(TYPES.FindCustomerBookings).execute({
      tenantId: tenant.id,
      customerPhone: phone,
    });
    const byRef = Object.fromEntries(list.map((b) => [b.ref, b]));
    expect(byRef[unpaid.ref]).to.deep.equal({
      ref: unpaid.ref,
      status: 'pending_payment',
      tripCode: 'TRP123',
      tripName: 'Fitz Roy Trek',
      departureDate: '2026-12-05',
      amount: '1000.00',
      currency: 'USD',
      paid: '0.00',
      paymentState: 'unpaid',
    });
    expect(byRef[partial.ref]).to.include({ paid: '250.50', paymentState: 'partially_paid' });
    expect(byRef[paid.ref]).to.include({
      status: 'confirmed',
      paid: '500.00',
      paymentState: 'paid',
      tripCode: undefined,
    });
  });

  it("never shows another customer's or another tenant's booking, even by its ref", async () => {
    const { get } = salesContext();
    const [tenant, other] = [await aTenant(), await aTenant()];
    const phone = aCustomerPhone();
    const mine = await aBooking(tenant, { customerPhone: phone });
    const theirs = await aBooking(tenant);
    await aBooking(other, { customerPhone: phone });
    const find = get<FindCustomerBookings>(TYPES.FindCustomerBookings);
    const all = await find.execute({ tenantId: tenant.id, customerPhone: phone });
    expect(all.map((b) => b.ref)).to.deep.equal([mine.ref]);
    expect(
      await find.execute({ tenantId: tenant.id, customerPhone: phone, bookingRef: theirs.ref }),
    ).to.deep.equal([]);
    const lower = mine.ref.toLowerCase();
    expect(
      (await find.execute({ tenantId: tenant.id, customerPhone: phone, bookingRef: lower })).map(
        (b) => b.ref,
      ),
    ).to.deep.equal([mine.ref]);
    expect(
      await find.execute({ tenantId: tenant.id, customerPhone: phone, bookingRef: 'nonsense' }),
    ).to.deep.equal([]);
  });

  it('answers an empty list to a customer without bookings', async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    const list = await get<FindCustomerBookings>(TYPES.FindCustomerBookings).execute({
      tenantId: tenant.id,
      customerPhone: aCustomerPhone(),
    });
    expect(list).to.deep.equal([]);
  });
});
