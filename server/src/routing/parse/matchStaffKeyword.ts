import { foldText } from './foldText';

export type StaffVerb =
  'checkin' | 'issue' | 'resolve' | 'trip_status' | 'update' | 'broadcast' | 'approve_quote' | 'help';

/**
 * Staff command keywords (SPEC §6), folded (lower case, no accents). English first, then the
 * Spanish aliases we accept. Deliberately modest: LLEGADA is not a check-in alias (it reads as a
 * free-text "arrival" remark), and there is no Spanish alias for BROADCAST.
 *   checkin       CHECKIN, CHECK-IN, CHECK IN (two words, handled in code)
 *   issue         ISSUE · INCIDENTE, INCIDENCIA, PROBLEMA
 *   resolve       RESOLVED, RESOLVE · RESUELTO, RESUELTA
 *   trip_status   STATUS · ESTADO   (a trip, or an incident: STATUS INC-7)
 *   update        UPDATE · ACTUALIZAR, NOVEDAD
 *   broadcast     BROADCAST
 *   approve_quote APPROVE · APROBAR
 *   help          HELP, MENU, ? · AYUDA, MENÚ
 */
export const STAFF_KEYWORDS: Readonly<Record<string, StaffVerb>> = {
  checkin: 'checkin',
  'check-in': 'checkin',
  issue: 'issue',
  incidente: 'issue',
  incidencia: 'issue',
  problema: 'issue',
  resolved: 'resolve',
  resolve: 'resolve',
  resuelto: 'resolve',
  resuelta: 'resolve',
  status: 'trip_status',
  estado: 'trip_status',
  update: 'update',
  actualizar: 'update',
  novedad: 'update',
  broadcast: 'broadcast',
  approve: 'approve_quote',
  aprobar: 'approve_quote',
  help: 'help',
  ayuda: 'help',
  menu: 'help',
  '?': 'help',
};

export interface StaffKeywordMatch {
  verb: StaffVerb;
  /** Everything after the keyword (and one separator such as `:`), original casing, trimmed. */
  rest: string;
}

// A keyword is a run of letters (plus `?` and `-` for `?` and `CHECK-IN`) ending at a space,
// punctuation or the end: `ISSUE:TRP1` has a keyword, `ISSUETRP1` has not.
const KEYWORD = /^[¿¡]?([\p{L}\p{M}?-]+)(?=$|[\s:,.;!])/u;
const SECOND_WORD_IN = /^\s+in(?=$|[\s:,.;!?])/i;
const LEADING_SEPARATOR = /^\s*[:,.;!\-–—]?\s*/;

/** Recognises the leading staff keyword of a message, case-, accent- and spacing-insensitively. */
export function matchStaffKeyword(text: string): StaffKeywordMatch | undefined {
  const source = text.trim();
  const match = KEYWORD.exec(source);
  if (!match) return undefined;
  let key = foldText(match[1]);
  let after = source.slice(match[0].length);
  if (key === 'check') {
    const second = SECOND_WORD_IN.exec(after);
    if (!second) return undefined;
    key = 'checkin';
    after = after.slice(second[0].length);
  }
  if (!/^\?+$/.test(key)) key = key.replace(/[?-]+$/, '');
  else key = '?';
  const verb = Object.prototype.hasOwnProperty.call(STAFF_KEYWORDS, key) ? STAFF_KEYWORDS[key] : undefined;
  if (!verb) return undefined;
  return { verb, rest: after.replace(LEADING_SEPARATOR, '').trim() };
}
