import { expect } from 'chai';
import type { AutoResponderSettings } from '../../../src/modules/autoresponder/domain/AutoResponderSettings';
import { isOpenAt, localTime, parseRange } from '../../../src/modules/autoresponder/domain/businessHours';

type Hours = Pick<AutoResponderSettings, 'timezone' | 'businessHours' | 'holidays'>;
const weekdays = (ranges: string[]) =>
  Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, ranges]));

describe('business hours (SPEC §23)', () => {
  it('parses HH:MM-HH:MM ranges, 24:00 ending a day, and refuses the rest', () => {
    expect(parseRange('09:00-18:30')).to.deep.equal({ from: 540, to: 1110 });
    expect(parseRange('20:00-24:00')).to.deep.equal({ from: 1200, to: 1440 });
    for (const bad of ['18:00-09:00', '09:00-09:00', '9-5', '24:00-24:00', '09:60-10:00', '09:00-24:30'])
      expect(parseRange(bad), bad).to.equal(undefined);
  });

  it('is always open with no hours set', () => {
    expect(
      isOpenAt(
        { timezone: 'UTC', businessHours: null, holidays: ['2026-09-10'] },
        new Date('2026-09-10T03:00Z'),
      ),
    ).to.equal(true);
  });

  it('reads the hours in the tenant’s timezone, not the server’s', () => {
    const buenosAires: Hours = {
      timezone: 'America/Argentina/Buenos_Aires',
      businessHours: weekdays(['09:00-18:00']),
      holidays: [],
    };
    // Thursday 2026-09-10 11:59 UTC is 08:59 in Buenos Aires (UTC-3): closed; 12:00 UTC is 09:00: open.
    expect(isOpenAt(buenosAires, new Date('2026-09-10T11:59:00Z'))).to.equal(false);
    expect(isOpenAt(buenosAires, new Date('2026-09-10T12:00:00Z'))).to.equal(true);
    expect(isOpenAt(buenosAires, new Date('2026-09-10T20:59:00Z'))).to.equal(true);
    expect(isOpenAt(buenosAires, new Date('2026-09-10T21:00:00Z'))).to.equal(false);
    const tokyo: Hours = { ...buenosAires, timezone: 'Asia/Tokyo' };
    // The same instant is Friday 00:00 in Tokyo: closed there.
    expect(isOpenAt(tokyo, new Date('2026-09-10T15:00:00Z'))).to.equal(false);
    expect(isOpenAt(tokyo, new Date('2026-09-11T00:00:00Z'))).to.equal(true);
  });

  it('follows daylight saving (Madrid: UTC+2 in summer, UTC+1 in winter)', () => {
    const madrid: Hours = {
      timezone: 'Europe/Madrid',
      businessHours: weekdays(['09:00-18:00']),
      holidays: [],
    };
    expect(isOpenAt(madrid, new Date('2026-07-01T07:00:00Z'))).to.equal(true); // 09:00 CEST
    expect(isOpenAt(madrid, new Date('2026-12-01T07:00:00Z'))).to.equal(false); // 08:00 CET
    expect(isOpenAt(madrid, new Date('2026-12-01T08:00:00Z'))).to.equal(true); // 09:00 CET
  });

  it('closes weekdays left out and holidays, by the date in the tenant’s zone', () => {
    const hours: Hours = {
      timezone: 'America/Argentina/Buenos_Aires',
      businessHours: { ...weekdays(['09:00-13:00', '14:00-18:00']), saturday: ['10:00-12:00'] },
      holidays: ['2026-12-25'],
    };
    expect(isOpenAt(hours, new Date('2026-12-24T13:00:00Z')), 'Thu 10:00').to.equal(true);
    expect(isOpenAt(hours, new Date('2026-12-24T16:30:00Z')), 'Thu 13:30, lunch').to.equal(false);
    expect(isOpenAt(hours, new Date('2026-12-25T13:00:00Z')), 'Christmas, a Friday').to.equal(false);
    // 2026-12-26 01:00 UTC is still the 25th in Buenos Aires: a holiday there.
    expect(localTime(new Date('2026-12-26T01:00:00Z'), hours.timezone).date).to.equal('2026-12-25');
    expect(isOpenAt(hours, new Date('2026-12-26T13:30:00Z')), 'Sat 10:30').to.equal(true);
    expect(isOpenAt(hours, new Date('2026-12-27T13:30:00Z')), 'Sunday: left out').to.equal(false);
  });
});
