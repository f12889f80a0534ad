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
