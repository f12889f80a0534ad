const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** SPEC §22: the first reminder a day after the booking, then every interval, at most this many. */
export const PERIODIC_REMINDERS = 3;
export const BEFORE_DEPARTURE_SLOT = 'before-departure';

export interface ReminderScheduleInput {
  createdAt: Date;
  /** YYYY-MM-DD, a calendar day (taken at 00:00 UTC); none for a booking without a trip. */
  departureDate?: string;
  now: Date;
  intervalHours: number;
  /** Slots already sent. */
  sent: readonly string[];
}

/**
 * The reminder slots of a booking pending payment that are due at `now` and not sent yet:
 * `after-1` 24 hours after creation, `after-2`, `after-3` every `intervalHours` after that, and
 * `before-departure` 7 days before departure (only when that is at least a day after the booking).
 * Nothing is due once the trip has departed. Pure: the job claims the slots and sends one message.
 */
export function dueReminderSlots(input: ReminderScheduleInput): string[] {
  const departure = input.departureDate ? Date.parse(`${input.departureDate}T00:00:00Z`) : undefined;
  const now = input.now.getTime();
  if (departure !== undefined && now >= departure) return [];
  const created = input.createdAt.getTime();
  const slots: Array<[string, number]> = [];
  for (let n = 1; n <= PERIODIC_REMINDERS; n++)
    slots.push([`after-${n}`, created + DAY + (n - 1) * input.intervalHours * HOUR]);
  if (departure !== undefined && departure - 7 * DAY >= created + DAY)
    slots.push([BEFORE_DEPARTURE_SLOT, departure - 7 * DAY]);
  return slots
    .filter(([slot, dueAt]) => dueAt <= now && !input.sent.includes(slot))
    .filter(([, dueAt]) => departure === undefined || dueAt < departure)
    .map(([slot]) => slot);
}

/** Every slot a booking could ever have, to tell when it has none left. */
export const ALL_REMINDER_SLOTS = [
  ...Array.from({ length: PERIODIC_REMINDERS }, (_, i) => `after-${i + 1}`),
  BEFORE_DEPARTURE_SLOT,
];
