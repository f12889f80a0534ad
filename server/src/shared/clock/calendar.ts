/**
 * Dates as PostgreSQL can store them and a calendar has them. JavaScript's Date rolls
 * `2024-02-30` over to March and takes years PostgreSQL refuses (0000, -271821), so inputs are
 * checked field by field first.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/i;

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const lastDay = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 29 for February of a leap year
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : lastDay);
}

/** An IANA time zone this runtime knows (`America/Argentina/Buenos_Aires`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DD`, a day that exists, years 0001–9999. */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An ISO 8601 date or date-time (offset optional) naming a real day and a real time of day. */
export function isIsoTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = m.slice(4).map((v) => Number(v ?? 0));
  const realTime = hours < 24 && minutes < 60 && seconds < 60;
  // UTC-12 to UTC+14 are the offsets in use; PostgreSQL refuses far larger ones.
  const realOffset = offsetHours <= 14 && offsetMinutes < 60;
  return isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) && realTime && realOffset;
}
