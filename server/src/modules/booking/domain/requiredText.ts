import { ValidationError } from '../../../shared/errors/AppError';

/** Trimmed, non-empty and at most `max` characters, or a ValidationError naming the field. */
export function requiredText(value: string | undefined, field: string, max: number): string {
  const text = String(value ?? '').trim();
  if (!text || text.length > max)
    throw new ValidationError(`${field} is required (at most ${max} characters)`, [
      { field, message: text ? `at most ${max} characters` : 'must not be empty' },
    ]);
  return text;
}
