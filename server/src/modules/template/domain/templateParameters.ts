import type { TemplateContent } from './TemplateContent';

const PLACEHOLDER = /\{\{(\d+)\}\}/g;
/** Anything that looks like a parameter but is not `{{n}}` (named, spaced, unbalanced). */
const MALFORMED = /\{\{(?!\d+\}\})|(?<!\{\{\d+)\}\}/;

/** The distinct parameter numbers used in `text`, ascending. */
export function placeholderNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(PLACEHOLDER)) numbers.add(Number(match[1]));
  return [...numbers].sort((a, b) => a - b);
}

/**
 * How many parameters `text` takes: the highest `{{n}}` (validation ensures there are no gaps, and
 * a send must fill every number up to it).
 */
export const countPlaceholders = (text: string | undefined): number =>
  text ? Math.max(0, ...placeholderNumbers(text)) : 0;

export const hasMalformedPlaceholder = (text: string): boolean => MALFORMED.test(text);

/** Numbered from 1 without gaps (a `{{3}}` without `{{2}}` is refused by WhatsApp). */
export function isSequential(numbers: number[]): boolean {
  return numbers.every((n, i) => n === i + 1);
}

export interface ParameterCounts {
  header: number;
  body: number;
  /** URL buttons with a `{{1}}`, by button index. */
  buttons: number[];
}

/** How many values a send of this template must carry, per component. */
export function parameterCounts(content: TemplateContent): ParameterCounts {
  const buttons: number[] = [];
  (content.buttons ?? []).forEach((b, index) => {
    if (b.type === 'URL' && countPlaceholders(b.url) > 0) buttons.push(index);
  });
  return {
    header: content.header?.format === 'TEXT' ? countPlaceholders(content.header.text) : 0,
    body: countPlaceholders(content.body),
    buttons,
  };
}

/** The body with its parameters filled in (free-form text while the window is open, previews). */
export function fillPlaceholders(text: string, params: string[]): string {
  return text.replace(PLACEHOLDER, (_, n: string) => params[Number(n) - 1] ?? '');
}
