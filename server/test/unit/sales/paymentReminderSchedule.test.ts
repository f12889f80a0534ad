import { expect } from 'chai';
import { dueReminderSlots } from '../../../src/modules/booking/domain/paymentReminderSchedule';

const created = new Date('2026-03-01T10:00:00Z');
const hoursLater = (h: number) => new Date(created.getTime() + h * 3_600_000);
const due = (now: Date, over: Partial<Parameters<typeof dueReminderSlots>[0]> = {}) =>
  dueReminderSlots({ createdAt: created, now, intervalHours: 72, sent: [], ...over });

describe('payment reminder schedule (SPEC §22)', () => {
  it('is 24 hours after the booking, then every interval, at most three', () => {
    expect(due(hoursLater(23.9))).to.deep.equal([]);
    expect(due(hoursLater(24))).to.deep.equal(['after-1']);
    expect(due(hoursLater(95), { sent: ['after-1'] })).to.deep.equal([]);
    expect(due(hoursLater(96), { sent: ['after-1'] })).to.deep.equal(['after-2']);
    expect(due(hoursLater(168), { sent: ['after-1', 'after-2'] })).to.deep.equal(['after-3']);
    expect(due(hoursLater(5000), { sent: ['after-1', 'after-2', 'after-3'] })).to.deep.equal([]);
  });

  it('follows PAYMENT_REMINDER_INTERVAL_HOURS', () => {
    expect(due(hoursLater(36), { sent: ['after-1'], intervalHours: 12 })).to.deep.equal(['after-2']);
  });

  it('names every slot that came due while nobody ran the job, so one message covers them', () => {
    expect(due(hoursLater(200))).to.deep.equal(['after-1', 'after-2', 'after-3']);
  });

  it('adds one reminder 7 days before departure, and nothing once the trip has left', () => {
    const departureDate = '2026-03-20';
    expect(
      due(new Date('2026-03-13T00:00:00Z'), { departureDate, sent: ['after-1', 'after-2', 'after-3'] }),
    ).to.deep.equal(['before-departure']);
    expect(
      due(new Date('2026-03-12T23:59:00Z'), { departureDate, sent: ['after-1', 'after-2', 'after-3'] }),
    ).to.deep.equal([]);
    expect(due(new Date('2026-03-20T00:00:00Z'), { departureDate })).to.deep.equal([]);
  });

  it('skips the departure reminder of a booking made less than 8 days before departure', () => {
    expect(due(hoursLater(24), { departureDate: '2026-03-07' })).to.deep.equal(['after-1']);
  });

  it('never sends a periodic reminder due on or after departure', () => {
    expect(due(new Date('2026-03-03T23:00:00Z'), { departureDate: '2026-03-04' })).to.deep.equal(['after-1']);
    expect(due(new Date('2026-03-03T23:00:00Z'), { departureDate: '2026-03-02' })).to.deep.equal([]);
  });
});
