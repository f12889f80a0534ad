import { isValidTimeZone } from '../../../shared/clock/calendar';

/**
 * Periods are calendar months in the tenant's timezone (SPEC §17): `start` is the first day of the
 * month as a date (`2026-03-01`), `end` the first day of the next one.
 */
export interface UsagePeriod {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const monthStart = (year: number, month: number): string =>
  month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`;

const SHAPES = {
  month: { year: 'numeric', month: 'numeric' },
  clock: {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formats = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATS = 2_000; // zones are tenants' settings: bounded however many are asked for

/**
 * The numeric parts of `at` on `zone`'s wall clock (UTC when the zone is unknown). One formatter
 * per zone and shape: making one costs far more than formatting with it (hot path: every send).
 */
function wallClock(at: Date | number, zone: string, shape: keyof typeof SHAPES): Record<string, number> {
  const key = `${shape} ${zone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: isValidTimeZone(zone) ? zone : 'UTC',
      ...SHAPES[shape],
    });
    if (formats.size < MAX_FORMATS) formats.set(key, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** The period `at` falls in, in `timeZone` (UTC when the zone is unknown). */
export function periodAt(at: Date, timeZone: string): UsagePeriod {
  const { year, month } = wallClock(at, timeZone, 'month');
  return { start: monthStart(year, month), end: monthStart(year, month + 1) };
}

/** How far `zone`'s wall clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, zone: string): number {
  const { year, month, day, hour, minute, second } = wallClock(at, zone, 'clock');
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(at / 1000) * 1000;
}

/** The instant `day` (`YYYY-MM-DD`) begins in `timeZone`: when a period that ends on it is over. */
export function dayStartsAt(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnight = Date.UTC(year, month - 1, date);
  // The offset at UTC midnight, then at the instant it points to (they differ across a change of offset).
  const first = midnight - offsetAt(midnight, timeZone);
  return new Date(midnight - offsetAt(first, timeZone));
}
