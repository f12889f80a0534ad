// Vocabulary (folded: lower case, no accents). Extend here.

const MONTHS: Readonly<Record<string, string>> = {
  january: 'january',
  jan: 'january',
  enero: 'january',
  ene: 'january',
  february: 'february',
  feb: 'february',
  febrero: 'february',
  march: 'march',
  mar: 'march',
  marzo: 'march',
  april: 'april',
  apr: 'april',
  abril: 'april',
  abr: 'april',
  may: 'may',
  mayo: 'may',
  june: 'june',
  jun: 'june',
  junio: 'june',
  july: 'july',
  jul: 'july',
  julio: 'july',
  august: 'august',
  aug: 'august',
  agosto: 'august',
  ago: 'august',
  september: 'september',
  sept: 'september',
  sep: 'september',
  septiembre: 'september',
  setiembre: 'september',
  october: 'october',
  oct: 'october',
  octubre: 'october',
  november: 'november',
  nov: 'november',
  noviembre: 'november',
  december: 'december',
  dec: 'december',
  diciembre: 'december',
  dic: 'december',
};
/**
 * Month tokens that are also ordinary words or names: English "may" (may we…), "mar" (to mar;
 * Spanish "sea"), "jan" (a name) and Spanish "ago" (English "ago"). They count only next to a
 * number ("May 2026", "may 5", "15 mar") or after a preposition ("in May", "early May", "en ago").
 * "set" (setiembre) is not accepted at all: too common in English.
 */
const EN_PREPOSITIONS = [
  'in',
  'on',
  'by',
  'during',
  'until',
  'till',
  'til',
  'since',
  'from',
  'to',
  'through',
  'next',
  'early',
  'mid',
  'late',
  'around',
  'before',
  'after',
];
const ES_PREPOSITIONS = ['en', 'de', 'para', 'hasta', 'desde', 'durante'];
const AMBIGUOUS_MONTHS: Readonly<Record<string, readonly string[]>> = {
  may: EN_PREPOSITIONS,
  mar: EN_PREPOSITIONS,
  jan: EN_PREPOSITIONS,
  ago: ES_PREPOSITIONS,
};

/** Every token that names a month, for patterns that must not take a date for a count. */
export const MONTH_TOKENS = Object.keys(MONTHS);

/** The first month mentioned, as a whole word; ambiguous tokens need context (see AMBIGUOUS_MONTHS). */
export function findTravelMonth(folded: string): string | undefined {
  const words = folded.match(/[a-z0-9]+/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const month = Object.prototype.hasOwnProperty.call(MONTHS, words[i]) ? MONTHS[words[i]] : undefined;
    if (!month) continue;
    const prepositions = AMBIGUOUS_MONTHS[words[i]];
    if (!prepositions) return month;
    const before = words[i - 1];
    const next = words[i + 1];
    if (isDayOrYear(before) || isDayOrYear(next) || (before !== undefined && prepositions.includes(before))) {
      return month;
    }
  }
  return undefined;
}

function isDayOrYear(word: string | undefined): boolean {
  return word !== undefined && /^\d{1,4}(?:st|nd|rd|th)?$/.test(word);
}
