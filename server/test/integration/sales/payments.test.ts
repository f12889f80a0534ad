import { expect } from 'chai';
import type { RecordPayment } from '../../../src/modules/booking/application/RecordPayment';
import { ConflictError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aCustomerPhone, aTripRow, staffActor } from '../../support/salesBuilders';
import { businessSnapshot, count, queuedTo, salesContext, timelineActions } from './salesTestKit';

describe('RecordPayment', () => {
  async function setUp() {
    const { get, clock } = salesContext();
    const tenant = await aTenant();
    const rep = await aUser(tenant);
    const customerPhone = aCustomerPhone();
    const trip = await aTripRow(tenant, 'TRP123', { name: 'Fitz Roy Trek', departureDate: '2026-12-05' });
    const booking = await aBooking(tenant, {
      customerPhone,
      customerName: 'Ana',
      tripId: trip.id,
      amount: '1000.00',
    });
    const pay = (amount: string, reference: string, currency = 'USD') =>
      get<RecordPayment>(TYPES.RecordPayment).execute({
        actor: staffActor(rep),
        bookingId: booking.ref,
        amount,
        currency,
        reference,
      });
    return { clock, booking, customerPhone, pay };
  }

  it('confirms the booking once paid in full and sends the customer a confirmation', async () => {
    const { clock, booking, customerPhone, pay } = await setUp();
    const result = await pay('1000', 'MP-1');
    expect(result.created).to.equal(true);
    expect(result.booking.status).to.equal('confirmed');
    const row = await testDb().knex('bookings').where({ id: booking.id }).first();
    expect(row.status).to.equal('confirmed');
    expect(row.confirmed_at.toISOString()).to.equal(clock.now().toISOString());
    expect(await timelineActions(booking.id)).to.have.members(['PAYMENT_RECEIVED', 'BOOKING_CONFIRMED']);
    expect(await count('timeline_entries', { event_type: 'STATUS_CHANGE' })).to.equal(1);
    const [message] = await queuedTo(customerPhone);
    expect(message.template).to.deep.equal({
      name: 'booking_confirmed',
      language: 'en',
      params: ['Ana', booking.ref, 'Fitz Roy Trek', '2026-12-05'],
    });
  });

  it('records the same reference once: a repeat returns the first payment and does nothing else', async () => {
    const { customerPhone, pay } = await setUp();
    const first = await pay('1000.00', 'MP-1');
    const before = await businessSnapshot();
    const again = await pay('1000.00', 'MP-1');
    expect(again.created).to.equal(false);
    expect(again.payment.id).to.equal(first.payment.id);
    expect(await businessSnapshot()).to.deep.equal(before);
    expect(await count('payments')).to.equal(1);
    expect(await queuedTo(customerPhone)).to.have.length(1);
  });

  it('keeps the booking pending until partial payments add up', async () => {
    const { booking, pay } = await setUp();
    expect((await pay('400', 'MP-1')).booking.status).to.equal('pending_payment');
    expect((await pay('600', 'MP-2')).booking.status).to.equal('confirmed');
    expect(await testDb().knex('bookings').where({ id: booking.id }).first()).to.include({
      status: 'confirmed',
    });
  });

  it('refuses a payment in another currency, naming it, and writes nothing', async () => {
    const { pay } = await setUp();
    const before = await businessSnapshot();
    const error = await pay('1000', 'MP-1', 'EUR').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).fields[0].field).to.equal('currency');
    expect((error as Error).message).to.include('USD');
    expect(await businessSnapshot()).to.deep.equal(before);
  });

  it('refuses a known reference with a different amount', async () => {
    const { pay } = await setUp();
    await pay('400', 'MP-1');
    expect(await pay('500', 'MP-1').catch((e: unknown) => e)).to.be.instanceOf(ConflictError);
  });
});
