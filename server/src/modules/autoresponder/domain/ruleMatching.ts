import { RE2 } from 're2-wasm';
import type { AutoReplyRule } from './AutoResponderSettings';

/** Folded like the router's parser: lower case, no diacritics (`Precio` = `precío`). */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Only this much of a message is matched against patterns (a WhatsApp text is at most 4096). */
const MATCHED_LENGTH = 4096;

/**
 * A user-supplied pattern runs on RE2 (re2-wasm), whose matching time is linear in the text: no
 * backtracking, so no pattern can hang the process (`(a+)+$` included). RE2 refuses what it cannot
 * do in linear time (back-references, look-around); such a pattern is refused when saved.
 * Case-insensitive, Unicode.
 */
export function compilePattern(pattern: string): RE2 {
  return new RE2(pattern, 'iu');
}

/** Why a pattern cannot be used, or undefined. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A keyword matches as a whole word or phrase, case- and accent-insensitively. */
function keywordMatcher(keywords: string[]): (folded: string) => boolean {
  const words = keywords.map((k) => fold(k).trim()).filter(Boolean);
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escape).join('|')})($|[^\\p{L}\\p{N}])`, 'u');
  return (folded) => words.length > 0 && re.test(folded);
}

export type RuleMatcher = (text: string) => AutoReplyRule | undefined;

/** The first rule (in the tenant's order) the text matches; compiled once per batch. */
export function ruleMatcher(rules: AutoReplyRule[]): RuleMatcher {
  const tests = rules.map((rule) => {
    if ('keywords' in rule.match) {
      const matches = keywordMatcher(rule.match.keywords);
      return (folded: string) => matches(folded);
    }
    const re = compilePattern(rule.match.pattern);
    return (_folded: string, raw: string) => re.test(raw);
  });
  return (text) => {
    const raw = text.slice(0, MATCHED_LENGTH);
    const folded = fold(raw);
    const i = tests.findIndex((test) => test(folded, raw));
    return i < 0 ? undefined : rules[i];
  };
}
