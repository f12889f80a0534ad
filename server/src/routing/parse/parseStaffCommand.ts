import { matchStaffKeyword } from './matchStaffKeyword';

export type StaffCommand =
  | { kind: 'checkin'; tripCode: string; note?: string }
  | { kind: 'issue'; tripCode: string; description: string }
  | { kind: 'resolve'; tripCode: string; note?: string }
  | { kind: 'resolve'; incidentRef: string; note?: string }
  | { kind: 'trip_status'; tripCode: string }
  | { kind: 'incident_status'; incidentRef: string }
  | { kind: 'update_incident'; incidentRef: string; note: string }
  | { kind: 'broadcast'; tripCode: string; text: string }
  | { kind: 'approve_quote'; quoteRef: string }
  | { kind: 'help' }
  | {
      kind: 'malformed';
      command: 'checkin' | 'issue' | 'resolve' | 'trip_status' | 'update' | 'broadcast' | 'approve_quote';
      /** What is missing or wrong, in plain English, e.g. "missing trip code (e.g. STATUS TRP123)". */
      problem: string;
    }
  | { kind: 'unknown' };

type MalformedCommand = Extract<StaffCommand, { kind: 'malformed' }>['command'];

/**
 * A trip code: 2–32 letters, digits, `-`, `_`, starting with a letter or digit, ending at a space,
 * punctuation or the end of the message; trailing `-`/`_` belong to the separator (`TRP123- x`).
 * Codes are chosen by operations (SPEC §7), so a code without digits (`PATAGONIA`) is accepted too:
 * whether the trip exists is the router's question, not the parser's.
 */
const TRIP_CODE = /^([A-Za-z0-9][A-Za-z0-9_-]*)(?=$|[\s:,.;!?–—])/;
/** `INC-7`, `inc 7`, `inc7`, `INC-007` (the number loses its leading zeros). */
const INCIDENT_REF = /^inc[\s_-]*0*(\d+)(?=$|[\s:,.;!?\-–—])/i;
/** `Q-12`, `q12`, `q 12`. */
const QUOTE_REF = /^q[\s_-]*0*(\d+)(?=$|[\s:,.;!?\-–—])/i;
/** One punctuation mark right after a code is ignored: `TRP123: flat tyre`, `trp123 - flat tyre`. */
const SEPARATOR = /^\s*[:,.;!?\-–—]?\s*/;

const EXAMPLES: Record<MalformedCommand, string> = {
  checkin: 'CHECKIN TRP123',
  issue: 'ISSUE TRP123 flat tyre',
  resolve: 'RESOLVED TRP123 or RESOLVED INC-7',
  trip_status: 'STATUS TRP123 or STATUS INC-7',
  update: 'UPDATE INC-7 backup van on the way',
  broadcast: 'BROADCAST TRP123 Pickup moved to 8am',
  approve_quote: 'APPROVE Q-12',
};

/**
 * Parses a staff member's WhatsApp message into a command (SPEC §6). Keywords are case- and
 * accent-insensitive (aliases in matchStaffKeyword.ts); any whitespace separates tokens; trip codes
 * come back upper-cased, refs normalised (`INC-7`, `Q-12`); descriptions, notes and broadcast text
 * keep their original casing and inner spacing. Pure: no I/O.
 */
export function parseStaffCommand(text: string): StaffCommand {
  const match = matchStaffKeyword(text);
  if (!match) return { kind: 'unknown' };
  const { verb, rest } = match;
  if (verb === 'help') return { kind: 'help' };

  if (verb === 'approve_quote') {
    const quote = QUOTE_REF.exec(rest);
    if (quote) return { kind: 'approve_quote', quoteRef: `Q-${quote[1]}` };
    return malformed(verb, rest ? `${quoted(rest)} is not a quote ref` : 'missing quote ref');
  }

  const incident = INCIDENT_REF.exec(rest);
  const incidentRef = incident ? `INC-${incident[1]}` : undefined;
  if (verb === 'update') {
    if (!incident)
      return malformed(verb, rest ? `${quoted(rest)} is not an incident ref` : 'missing incident ref');
    const note = after(rest, incident[0]);
    if (!note) return malformed(verb, 'missing text of the update');
    return { kind: 'update_incident', incidentRef: incidentRef!, note };
  }
  if (incident && verb === 'resolve')
    return { kind: 'resolve', incidentRef: incidentRef!, ...optional('note', after(rest, incident[0])) };
  if (incident && verb === 'trip_status') return { kind: 'incident_status', incidentRef: incidentRef! };

  const trip = readTripCode(rest);
  if (!trip.ok) {
    const what = verb === 'resolve' || verb === 'trip_status' ? 'trip code or incident ref' : 'trip code';
    return malformed(
      verb,
      trip.token === undefined ? `missing ${what}` : `${quoted(trip.token)} is not a ${what}`,
    );
  }
  const { tripCode, remainder } = trip;
  switch (verb) {
    case 'checkin':
      return { kind: 'checkin', tripCode, ...optional('note', remainder) };
    case 'resolve':
      return { kind: 'resolve', tripCode, ...optional('note', remainder) };
    case 'trip_status':
      return { kind: 'trip_status', tripCode };
    case 'issue':
      if (!remainder) return malformed(verb, 'missing description of the issue');
      return { kind: 'issue', tripCode, description: remainder };
    case 'broadcast':
      if (!remainder) return malformed(verb, 'missing message text to broadcast');
      return { kind: 'broadcast', tripCode, text: remainder };
  }
}

type TripCodeRead = { ok: true; tripCode: string; remainder: string } | { ok: false; token?: string };

function readTripCode(rest: string): TripCodeRead {
  if (!rest) return { ok: false };
  const match = TRIP_CODE.exec(rest);
  const code = match?.[1].replace(/[-_]+$/, '');
  if (!match || !code || code.length < 2 || code.length > 32) {
    return { ok: false, token: rest.split(/\s+/)[0] };
  }
  return { ok: true, tripCode: code.toUpperCase(), remainder: after(rest, match[0]) };
}

function after(rest: string, consumed: string): string {
  return rest.slice(consumed.length).replace(SEPARATOR, '').trim();
}

function optional<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function malformed(command: MalformedCommand, problem: string): StaffCommand {
  return { kind: 'malformed', command, problem: `${problem} (e.g. ${EXAMPLES[command]})` };
}

function quoted(token: string): string {
  const word = token.split(/\s+/)[0];
  return `"${word.length > 32 ? `${word.slice(0, 32)}…` : word}"`;
}
