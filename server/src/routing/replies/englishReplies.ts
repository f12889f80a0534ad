import type { Principal } from '../../modules/identity/domain/PermissionPolicy';
import type { IncidentSummary } from '../../modules/incident/application/GetIncidentStatus';
import { utcMinute, type BookingLine, type TripSummary } from './replyFacts';
import { STAFF_COMMANDS } from './staffCommandList';

export const bookingLines = (title: string, lines: BookingLine[]) =>
  [
    title,
    ...lines.map(
      (b) =>
        `• ${b.ref}${b.tripName ? ` — ${b.tripName}` : ''}${b.departureDate ? ` (${b.departureDate})` : ''}: ${b.status.replace('_', ' ')}, ${b.paymentState.replace('_', ' ')}`,
    ),
  ].join('\n');

export const englishReplies = {
  leadCreated: (ref: string) =>
    `Thanks for your message! Your enquiry is ${ref}; one of our team will get back to you shortly.`,
  optedOut: 'You will not receive more messages from us. Reply START to subscribe again.',
  optedIn: 'Welcome back! You will receive our messages again. Reply STOP to unsubscribe.',
  noBooking:
    'We could not find a booking for this number. If you booked with another number, tell us its reference (BK-…).',
  bookings: (lines: BookingLine[]) => bookingLines('Your bookings:', lines),
  handedOff: 'A person from our team will answer you shortly.',
  repWillSend: 'Your sales rep will send you the payment details shortly.',
  cancellationRequested: (ref: string) =>
    `We have passed your request to cancel ${ref} to your sales rep, who will contact you shortly. Nothing changes until they confirm it.`,
  alreadyCancelled: (ref: string) => `Booking ${ref} is already cancelled.`,
  customerStaffCommand: 'Sorry, that command is only for our staff. How can we help you?',
  refused: 'Sorry, you are not allowed to do that.',
  notAssigned: (trip: string) => `Sorry, you are not assigned to trip ${trip}.`,
  unknownTrip: (code: string) => `I don't know trip ${code}. Check the code and try again.`,
  unknownQuote: (ref: string) => `I can't find quote ${ref}.`,
  unknownIncident: (ref: string) => `I can't find incident ${ref}.`,
  checkedIn: (trip: string) => `Checked in on ${trip}.`,
  incidentReported: (ref: string, trip: string) =>
    `Incident ${ref} recorded on ${trip}; operations have been alerted.`,
  resolved: (refs: string[]) => `Resolved: ${refs.join(', ')}.`,
  incidentUpdated: (ref: string, acknowledged: boolean, told: number) =>
    `Update on ${ref} recorded${acknowledged ? ' and the incident acknowledged' : ''}${told ? '; the guide who reported it has been told' : ''}.`,
  incidentStatus: (s: IncidentSummary) =>
    [
      `${s.ref} on ${s.tripCode}: ${s.status}`,
      `Reported${s.reportedBy ? ` by ${s.reportedBy}` : ''} at ${utcMinute(s.reportedAt)}: ${s.description}`,
      ...(s.updates.length
        ? s.updates.map(
            (u) =>
              `• ${utcMinute(u.at)}${u.authorName ? ` ${u.authorName}` : ''}: ${u.kind === 'note' ? '' : `${u.kind}${u.note ? ' — ' : ''}`}${u.note ?? ''}`,
          )
        : ['No updates yet.']),
    ].join('\n'),
  tripStatus: (t: TripSummary) =>
    [
      `${t.code} — ${t.name}, departs ${t.departureDate}`,
      `Staff: ${t.assignedStaff.map((s) => s.name).join(', ') || 'nobody assigned'}`,
      `Open incidents: ${t.openIncidents.map((i) => `${i.ref} ${i.description}${i.status === 'acknowledged' ? ' (acknowledged)' : ''}`).join('; ') || 'none'}`,
      `Last check-in: ${t.lastCheckIn ? `${t.lastCheckIn.by} at ${utcMinute(t.lastCheckIn.at)}` : 'none yet'}`,
    ].join('\n'),
  broadcastQueued: (queued: number, skipped: number) =>
    `Broadcast queued for ${queued} customer${queued === 1 ? '' : 's'}${skipped ? ` (${skipped} opted out, skipped)` : ''}.`,
  quoteApproved: (ref: string) => `Quote ${ref} approved and sent to the customer.`,
  mediaFiled: (trip: string, count = 1) =>
    count > 1 ? `Thanks, ${count} files filed on ${trip}.` : `Thanks, filed on ${trip}.`,
  mediaWhichTrip: 'Which trip is this for? Reply with the trip code (for example TRP123) and I will file it.',
  malformed: (problem: string) => `I didn't get that: ${problem}. Send HELP for the commands.`,
  businessRule: (detail: string) => `That didn't work: ${detail}`,
  help: (role: Principal) =>
    role === 'customer' || STAFF_COMMANDS[role].length === 0
      ? 'Write us your question and we will answer. STATUS shows your bookings, PAY sends your payment link, CANCEL BK-12 asks to cancel a booking, STOP unsubscribes.'
      : ['Commands you can use:', ...STAFF_COMMANDS[role].map((c) => `• ${c}`), 'HELP shows this list.'].join(
          '\n',
        ),
};

export type Replies = typeof englishReplies;
