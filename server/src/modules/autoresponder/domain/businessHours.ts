import { WEEKDAYS, type AutoResponderSettings, type Weekday } from './AutoResponderSettings';

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

/** Minutes from midnight of an `HH:MM-HH:MM` range; undefined when malformed or empty (`to` may be 24:00). */
export function parseRange(range: string): { from: number; to: number } | undefined {
  const m = RANGE.exec(range.trim());
  if (!m) return undefined;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  return to > from && to <= 24 * 60 ? { from, to } : undefined;
}

/** The date, weekday and minute of the day at `at` in `timeZone` (daylight saving included, by Intl). */
export function localTime(at: Date, timeZone: string): { date: string; weekday: Weekday; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = parts.weekday.toLowerCase() as Weekday;
  if (!WEEKDAYS.includes(weekday)) throw new Error(`unexpected weekday ${parts.weekday}`);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Whether `at` falls within the tenant's business hours: no hours set means always open; a holiday
 * (its date in the tenant's timezone) is closed all day; a weekday left out is closed.
 */
export function isOpenAt(
  settings: Pick<AutoResponderSettings, 'timezone' | 'businessHours' | 'holidays'>,
  at: Date,
): boolean {
  if (!settings.businessHours) return true;
  const local = localTime(at, settings.timezone);
  if (settings.holidays.includes(local.date)) return false;
  const ranges = settings.businessHours[local.weekday] ?? [];
  return ranges.some((r) => {
    const range = parseRange(r);
    return range !== undefined && local.minute >= range.from && local.minute < range.to;
  });
}
