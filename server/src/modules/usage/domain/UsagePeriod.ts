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

/** Whether `zone` is an IANA timezone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATS = 1_000; // zones are tenants' settings: bounded however many are asked for

/** One formatter per zone: making one costs far more than formatting with it (hot path: every send). */
function monthFormat(zone: string): Intl.DateTimeFormat {
  let format = monthFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: isTimeZone(zone) ? zone : 'UTC',
      year: 'numeric',
      month: 'numeric',
    });
    if (monthFormats.size < MAX_FORMATS) monthFormats.set(zone, format);
  }
  return format;
}

/** The period `at` falls in, in `timeZone` (UTC when the zone is unknown). */
export function periodAt(at: Date, timeZone: string): UsagePeriod {
  const parts = monthFormat(timeZone).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return { start: monthStart(year, month), end: monthStart(year, month + 1) };
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `zone`'s wall clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, zone: string): number {
  let format = clockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: isTimeZone(zone) ? zone : 'UTC',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (clockFormats.size < MAX_FORMATS) clockFormats.set(zone, format);
  }
  const part = (type: string) => Number(format.formatToParts(at).find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant `day` (`YYYY-MM-DD`) begins in `timeZone`: when a period that ends on it is over. */
export function dayStartsAt(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnight = Date.UTC(year, month - 1, date);
  // The offset at UTC midnight, then at the instant it points to (they differ across a change of offset).
  const first = midnight - offsetAt(midnight, timeZone);
  return new Date(midnight - offsetAt(first, timeZone));
}
