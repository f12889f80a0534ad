import type { FieldProblem } from '../../../shared/errors/AppError';
import { isValidTimeZone } from '../../../shared/clock/calendar';
import { isPlan, PLANS } from './Plan';

const LANGUAGE = /^[a-z]{2}([_-][A-Z]{2})?$/;
const REGION = /^[A-Z]{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface TenantFields {
  name?: string;
  slug?: string;
  defaultLanguage?: string;
  /** ISO 3166 alpha-2; an empty string clears it (updates). */
  defaultRegion?: string;
  timezone?: string;
  plan?: string;
}

/** What is wrong with the given fields, each named; undefined fields are not checked. */
export function tenantFieldProblems(fields: TenantFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.name !== undefined && !fields.name.trim())
    problems.push({ field: 'name', message: 'must not be empty' });
  if (fields.slug !== undefined && (!SLUG.test(fields.slug) || UUID_SHAPED.test(fields.slug)))
    problems.push({
      field: 'slug',
      message: 'must be lowercase letters, digits and -, at most 64, and not shaped like an id',
    });
  if (fields.defaultLanguage !== undefined && !LANGUAGE.test(fields.defaultLanguage))
    problems.push({ field: 'language', message: 'must be a language code such as en, es or pt' });
  if (fields.defaultRegion && !REGION.test(fields.defaultRegion))
    problems.push({ field: 'region', message: 'must be a two-letter country code such as AR' });
  if (fields.timezone !== undefined && !isValidTimeZone(fields.timezone))
    problems.push({
      field: 'timezone',
      message: 'must be an IANA time zone such as America/Argentina/Buenos_Aires',
    });
  if (fields.plan !== undefined && !isPlan(fields.plan))
    problems.push({ field: 'plan', message: `must be one of ${PLANS.join(', ')}` });
  return problems;
}
