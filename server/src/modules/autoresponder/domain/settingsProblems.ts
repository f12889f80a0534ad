import type { FieldProblem } from '../../../shared/errors/AppError';
import { WEEKDAYS, type AutoResponderSettings } from './AutoResponderSettings';
import { isValidTimeZone } from '../../../shared/clock/calendar';
import { parseRange } from './businessHours';
import { patternProblem } from './ruleMatching';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const validDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** What the shape check (joi at the edge) cannot see: zones, ranges, dates and patterns; each names its field. */
export function settingsProblems(s: AutoResponderSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isValidTimeZone(s.timezone))
    problems.push({
      field: 'timezone',
      message: 'must be an IANA time zone, e.g. America/Argentina/Buenos_Aires',
    });
  for (const day of WEEKDAYS)
    (s.businessHours?.[day] ?? []).forEach((range, i) => {
      if (!parseRange(range))
        problems.push({
          field: `businessHours.${day}.${i}`,
          message: 'must be HH:MM-HH:MM, the start before the end',
        });
    });
  s.holidays.forEach((d, i) => {
    if (!validDate(d)) problems.push({ field: `holidays.${i}`, message: 'must be a date, YYYY-MM-DD' });
  });
  s.rules.forEach((rule, i) => {
    if ('pattern' in rule.match) {
      const problem = patternProblem(rule.match.pattern);
      if (problem) problems.push({ field: `rules.${i}.match.pattern`, message: `not usable: ${problem}` });
    }
  });
  return problems;
}
