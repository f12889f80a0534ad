import { expect } from 'chai';
import { isCalendarDay, isIsoTimestamp } from '../../../src/shared/clock/calendar';

describe('calendar', () => {
  it('takes real days between the years 0001 and 9999', () => {
    for (const day of ['2024-02-29', '0001-01-01', '9999-12-31', '2023-12-31'])
      expect(isCalendarDay(day), day).to.equal(true);
    for (const day of [
      '2023-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '0000-01-01',
      '2024-1-1',
      '-0001-01-01',
    ])
      expect(isCalendarDay(day), day).to.equal(false);
  });

  it('takes ISO timestamps with a real time of day and offset, as PostgreSQL writes them too', () => {
    for (const at of [
      '2024-05-01',
      '2024-05-01T10:00Z',
      '2024-05-01 10:00:00.123456+00',
      '2024-05-01T23:59:59-03:00',
    ])
      expect(isIsoTimestamp(at), at).to.equal(true);
    for (const at of [
      '2024-13-45 25:61:61',
      '2024-05-01T24:00:00Z',
      '2024-05-01T10:60Z',
      '2024-05-01 10:00:00+99:99',
      '2024-05-01T10:00:00+05:75',
      '+275760-09-13',
    ])
      expect(isIsoTimestamp(at), at).to.equal(false);
  });
});
