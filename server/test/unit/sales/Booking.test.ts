import { expect } from 'chai';
import { Booking, type BookingStatus } from '../../../src/modules/booking/domain/Booking';
import { paymentState } from '../../../src/modules/booking/domain/CustomerBooking';
import { BusinessRuleError, ValidationError } from '../../../src/shared/errors/AppError';

const aBooking = (status: BookingStatus = 'pending_payment') =>
  new Booking({
    id: 'b1',
    tenantId: 't1',
    ref: 'BK-7',
    customerPhone: '+5491112345678',
    partySize: 2,
    amount: '1000.00',
    currency: 'USD',
    status,
    paymentToken: 'abc_-1',
    createdAt: new Date(),
  });

describe('Booking', () => {
  it('builds its payment link from the base URL, ref and token', () => {
    expect(aBooking().paymentLink('https://pay.example/p')).to.equal('https://pay.example/p/BK-7?t=abc_-1');
  });

  it('confirms only from pending payment', () => {
    const booking = aBooking();
    booking.confirm(new Date('2026-03-01T00:00:00Z'));
    expect(booking.status).to.equal('confirmed');
    expect(() => booking.confirm(new Date()))
      .to.throw(BusinessRuleError)
      .with.property('code', 'BOOKING_NOT_PENDING');
  });

  it('cancels once, keeping the reason and who cancelled', () => {
    const booking = aBooking('confirmed');
    booking.cancel(new Date(), 'weather', 'user-1');
    expect(booking).to.include({ status: 'cancelled', cancellationReason: 'weather', cancelledBy: 'user-1' });
    expect(() => booking.cancel(new Date(), 'again'))
      .to.throw(BusinessRuleError)
      .with.property('code', 'BOOKING_CANCELLED');
  });

  it('takes payments only in its currency and never once cancelled', () => {
    expect(() => aBooking().assertAcceptsPayment('EUR')).to.throw(ValidationError);
    expect(() => aBooking('cancelled').assertAcceptsPayment('USD'))
      .to.throw(BusinessRuleError)
      .with.property('code', 'BOOKING_CANCELLED');
    aBooking('confirmed').assertAcceptsPayment('USD');
  });

  it('tells unpaid, partially paid and paid apart', () => {
    expect(paymentState('100.00', '0.00')).to.equal('unpaid');
    expect(paymentState('100.00', '99.99')).to.equal('partially_paid');
    expect(paymentState('100.00', '100.00')).to.equal('paid');
    expect(paymentState('100.00', '120.00')).to.equal('paid');
  });
});
