import { foldText } from './foldText';
import { matchStaffKeyword, type StaffVerb } from './matchStaffKeyword';

export type CustomerIntent =
  | { kind: 'opt_out' }
  | { kind: 'opt_in' }
  | { kind: 'booking_status'; bookingRef?: string }
  | { kind: 'payment' }
  /** SPEC §22: `CANCEL BK-12` asks the rep; it changes nothing by itself. */
  | { kind: 'cancel_request'; bookingRef?: string }
  /** A customer typed a staff command (ISSUE TRP123 …): refused by the router, never a lead. */
  | { kind: 'staff_command'; keyword: string }
  | { kind: 'enquiry' };

// ---------------------------------------------------------------------------------------------
// Phrase lists (data: extend here). Entries are compared with the message after normalisation:
// lower case, accents stripped, punctuation turned into spaces, whitespace collapsed.
// ---------------------------------------------------------------------------------------------

/** Opt-out, whole message only (WhatsApp norms). "cancel"/"cancelar" alone are not here: ambiguous. */
const OPT_OUT_MESSAGES = [
  'stop',
  'stop all',
  'stopall',
  'unsubscribe',
  'baja',
  'dar de baja',
  'darme de baja',
  'cancelar suscripcion',
  'desuscribir',
  'desuscribirme',
];
/** Opt-in, whole message only. */
const OPT_IN_MESSAGES = [
  'start',
  'unstop',
  'subscribe',
  'alta',
  'dar de alta',
  'darme de alta',
  'suscribirme',
];

/** Booking status when they are the whole message, or the first word of a short one ("status?"). */
const BOOKING_STATUS_WORDS = ['status', 'estado'];
/** Booking status when contained (whole words) in a short message. */
const BOOKING_STATUS_PHRASES = [
  'booking status',
  'reservation status',
  'where is my booking',
  'my booking',
  'my bookings',
  'my reservation',
  'estado de mi reserva',
  'estado de la reserva',
  'estado reserva',
  'mi reserva',
  'mis reservas',
];

/** Payment when they are the whole message. */
const PAYMENT_WORDS = ['pay', 'payment', 'pagar', 'pago'];
/** Payment when contained (whole words) in a short message. SPEC §6 routes "how do I book" here too. */
const PAYMENT_PHRASES = [
  'how do i pay',
  'how can i pay',
  'how to pay',
  'i want to pay',
  'pay now',
  'how do i book',
  'how can i book',
  'payment link',
  'pay link',
  'link to pay',
  'como pago',
  'como pagar',
  'como puedo pagar',
  'donde pago',
  'quiero pagar',
  'link de pago',
  'enlace de pago',
];

/** A cancellation request is a cancel word (whole word) with a booking ref or one of these nouns. */
const CANCEL_WORDS = ['cancel', 'cancelar', 'cancela', 'cancellation', 'cancelacion', 'anular'];
const BOOKING_NOUNS = ['booking', 'reservation', 'trip', 'tour', 'reserva', 'viaje', 'excursion'];

/**
 * Short-message rule: payment and booking-status phrases (and booking refs inside text) are only
 * read in messages of at most SHORT_MESSAGE_WORDS words. A longer message is free text that merely
 * mentions them ("we want to pay a visit to the glaciers in December, 2 people") and stays an
 * enquiry, so it becomes or extends a lead.
 */
const SHORT_MESSAGE_WORDS = 8;

/** Interactive/list/quick-reply button ids (case-insensitive; spaces and dashes read as `_`). */
const REPLY_IDS: Readonly<Record<string, 'opt_out' | 'opt_in' | 'booking_status' | 'payment'>> = {
  STOP: 'opt_out',
  UNSUBSCRIBE: 'opt_out',
  OPT_OUT: 'opt_out',
  START: 'opt_in',
  SUBSCRIBE: 'opt_in',
  OPT_IN: 'opt_in',
  STATUS: 'booking_status',
  BOOKING_STATUS: 'booking_status',
  ESTADO: 'booking_status',
  PAY: 'payment',
  PAYMENT: 'payment',
  PAGAR: 'payment',
};

/** Staff commands a customer may not use, by the keyword the refusal names. STATUS is theirs too. */
const STAFF_ONLY: Partial<Record<StaffVerb, string>> = {
  checkin: 'CHECKIN',
  issue: 'ISSUE',
  resolve: 'RESOLVED',
  update: 'UPDATE',
  broadcast: 'BROADCAST',
  approve_quote: 'APPROVE',
};

const BOOKING_REF = /(?<![a-z0-9])bk[\s_-]*0*(\d+)(?![a-z0-9])/;
const CODE_TOKEN = /^(?:(?:inc|q)[\s_-]*\d+|[a-z0-9][a-z0-9_-]*)(?![a-z0-9])/i;

/**
 * What a customer's message asks for (SPEC §6). `reply` is an interactive button/list reply or a
 * template quick-reply: its id is mapped first, then its title through the text rules. Everything
 * unrecognised — including media without a caption — is an enquiry. Pure: no I/O.
 */
export function parseCustomerIntent(
  text: string | undefined,
  reply?: { id: string; title: string },
): CustomerIntent {
  if (reply) {
    const byId =
      REPLY_IDS[
        reply.id
          .trim()
          .toUpperCase()
          .replace(/[\s-]+/g, '_')
      ];
    if (byId) return { kind: byId };
    const byTitle = classifyText(reply.title);
    if (byTitle.kind !== 'enquiry') return byTitle;
  }
  return classifyText(text ?? '');
}

function classifyText(text: string): CustomerIntent {
  const folded = foldText(text);
  const normalised = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!normalised) return { kind: 'enquiry' };

  if (OPT_OUT_MESSAGES.includes(normalised)) return { kind: 'opt_out' };
  if (OPT_IN_MESSAGES.includes(normalised)) return { kind: 'opt_in' };

  const keyword = staffCommandKeyword(text);
  if (keyword) return { kind: 'staff_command', keyword };

  if (PAYMENT_WORDS.includes(normalised)) return { kind: 'payment' };
  if (BOOKING_STATUS_WORDS.includes(normalised)) return { kind: 'booking_status' };

  const words = normalised.split(' ');
  if (words.length > SHORT_MESSAGE_WORDS) return { kind: 'enquiry' };
  const padded = ` ${normalised} `;
  const contains = (phrase: string) => padded.includes(` ${phrase} `);

  const ref = BOOKING_REF.exec(folded);
  if (words.some((w) => CANCEL_WORDS.includes(w)) && (ref || words.some((w) => BOOKING_NOUNS.includes(w))))
    return { kind: 'cancel_request', ...(ref ? { bookingRef: `BK-${ref[1]}` } : {}) };
  if (PAYMENT_PHRASES.some(contains)) return { kind: 'payment' };
  if (ref) return { kind: 'booking_status', bookingRef: `BK-${ref[1]}` };
  if (BOOKING_STATUS_WORDS.includes(words[0]) || BOOKING_STATUS_PHRASES.some(contains)) {
    return { kind: 'booking_status' };
  }
  return { kind: 'enquiry' };
}

/**
 * A staff keyword followed by something that looks like a real code: letters and digits
 * (`TRP123`, `INC-7`, `Q-1`), not a booking/lead ref and not a time/ordinal/quantity (`3pm`, `12th`).
 * So "ISSUE TRP123 flat tyre" is refused while "Problema con mi reserva" or "check in 3pm?" are not.
 */
function staffCommandKeyword(text: string): string | undefined {
  const match = matchStaffKeyword(text);
  const keyword = match && STAFF_ONLY[match.verb];
  if (!match || !keyword) return undefined;
  const token = CODE_TOKEN.exec(match.rest)?.[0];
  if (!token || !/[a-z]/i.test(token) || !/\d/.test(token)) return undefined;
  if (/^(?:bk|ld)[\s_-]*\d+$/i.test(token) || /^\d+[a-z]*$/i.test(token)) return undefined;
  return keyword;
}

/** The phrase lists, for the documentation's test (docs/commands.md must name every one). */
export const CUSTOMER_PHRASES = {
  opt_out: OPT_OUT_MESSAGES,
  opt_in: OPT_IN_MESSAGES,
  booking_status: [...BOOKING_STATUS_WORDS, ...BOOKING_STATUS_PHRASES],
  payment: [...PAYMENT_WORDS, ...PAYMENT_PHRASES],
  reply_ids: Object.keys(REPLY_IDS),
} as const;
