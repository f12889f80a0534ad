/** The languages the service writes its own words in (templates, replies, reminder details). */
export const WORDINGS = ['en', 'es', 'pt'] as const;
export type Wording = (typeof WORDINGS)[number];

/** `es`, `es_AR`, `pt-BR` → the base language, lowercase. */
const BASE = /^([a-z]{2})(?:[_-]|$)/i;

const baseOf = (language: string): string | undefined => BASE.exec(language)?.[1].toLowerCase();

/** Whether the service has words of its own for `language`. */
export const hasWording = (language: string): boolean =>
  (WORDINGS as readonly string[]).includes(baseOf(language) ?? '');

/** The words `language` reads: `es_AR` Spanish, `pt-BR` Portuguese, any other English. */
export const wordingOf = (language: string): Wording =>
  hasWording(language) ? (baseOf(language) as Wording) : 'en';
