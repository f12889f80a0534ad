import { MONTH_TOKENS } from './travelMonth';

// Vocabulary (folded: lower case, no accents). Extend here.

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};
/** Words for "a" that count as one only in "2 adults and a child". */
const ARTICLE_ONE = ['a', 'an'];

const PEOPLE_NOUNS = [
  'people',
  'persons?',
  'pax',
  'travell?ers?',
  'guests?',
  'adults?',
  'of us',
  'personas?',
  'pasajeros?',
  'viajeros?',
  'huespedes',
  'adultos?',
  'de nosotros',
];
const ADULT_NOUNS = ['adults?', 'grown[- ]?ups', 'adultos?'];
const CHILD_NOUNS = [
  'child',
  'children',
  'kids?',
  'infants?',
  'bab(?:y|ies)',
  'teens?',
  'teenagers?',
  'ninos?',
  'ninas?',
  'menores',
  'bebes?',
  'hijos?',
  'adolescentes?',
];
const PARTY_PREFIXES = [
  'party of',
  'group of',
  'family of',
  'we are',
  "we(?:'|’)re",
  'we will be',
  "we(?:'|’)ll be",
  'there are',
  'there will be',
  'for',
  'grupo de',
  'familia de',
  'somos',
  'seremos',
  'vamos',
  'para',
];
/** After "for 4"/"para 4": these make the number something other than people. */
const NOT_PEOPLE_AFTER = [
  'days?',
  'nights?',
  'weeks?',
  'months?',
  'years?',
  'yrs?',
  'hours?',
  'hrs?',
  'h',
  'am',
  'pm',
  'mins?',
  'minutes?',
  'dollars?',
  'usd',
  'eur',
  'euros?',
  'pesos?',
  'k',
  'km',
  'kms',
  'miles?',
  'dias?',
  'noches?',
  'semanas?',
  'mes',
  'meses',
  'anos?',
  'horas?',
  'dolares',
  'de',
  'of (?!us)',
];

const alt = (words: readonly string[]) => `(?:${words.join('|')})`;
/** A count: 1–3 digits not glued to other digits, currency or date separators ($400, 12/4, 2026). */
const NUM = `(?<![\\w$€£#]|\\d[.,:/-])(\\d{1,3}|${alt(Object.keys(NUMBER_WORDS))})(?![\\w%€$£°ºª]|[.,:/-]\\d)`;
const NUM_OR_A = `(?<![\\w$€£#]|\\d[.,:/-])(\\d{1,3}|${alt([...Object.keys(NUMBER_WORDS), ...ARTICLE_ONE])})(?![\\w%€$£°ºª]|[.,:/-]\\d)`;
const MONTH_NAMES = alt(MONTH_TOKENS);

/** "2 adults and 1 child", "2 adultos y 2 niños", "two adults, a child": summed. */
const ADULTS_AND_CHILDREN = new RegExp(
  `${NUM}\\s*${alt(ADULT_NOUNS)}\\s*(?:,|\\+|&|and|plus|with|y|e|con)?\\s*${NUM_OR_A}\\s*${alt(CHILD_NOUNS)}\\b`,
  'g',
);
/** "2 people", "dos personas", "4 of us". */
const COUNT_THEN_NOUN = new RegExp(`${NUM}\\s*${alt(PEOPLE_NOUNS)}\\b`, 'g');
/** "for 4", "party of 6", "we are 3", "somos 3", "para 4" — unless a unit or date follows. */
const PREFIX_THEN_COUNT = new RegExp(
  `\\b${alt(PARTY_PREFIXES)}\\s+${NUM}(?!\\s*(?:${alt(NOT_PEOPLE_AFTER)}|${MONTH_NAMES})\\b)`,
  'g',
);

const MIN_PARTY = 1;
const MAX_PARTY = 99;

/** Travellers in a folded text: "2 adults and a child", "somos 4", "party of 6". */
export function findPartySize(folded: string): number | undefined {
  for (const match of folded.matchAll(ADULTS_AND_CHILDREN)) {
    const total = count(match[1]) + count(match[2]);
    if (plausible(total)) return total;
  }
  for (const match of folded.matchAll(COUNT_THEN_NOUN)) {
    const size = count(match[1]);
    if (plausible(size)) return size;
  }
  for (const match of folded.matchAll(PREFIX_THEN_COUNT)) {
    // "for one"/"para un(a)" is "for one tour", "para un viaje": a spelled-out one needs a noun.
    if (!/^\d/.test(match[1]) && count(match[1]) === 1) continue;
    const size = count(match[1]);
    if (plausible(size)) return size;
  }
  return undefined;
}

function count(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  if (ARTICLE_ONE.includes(token)) return 1;
  return NUMBER_WORDS[token] ?? Number.NaN;
}

function plausible(size: number): boolean {
  return Number.isInteger(size) && size >= MIN_PARTY && size <= MAX_PARTY;
}
