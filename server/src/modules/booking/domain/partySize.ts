import { ValidationError } from '../../../shared/errors/AppError';

export function parsePartySize(value: number): number {
  if (!(Number.isInteger(value) && value >= 1 && value <= 1000))
    throw new ValidationError('partySize must be a whole number from 1 to 1000', [
      { field: 'partySize', message: 'must be a whole number from 1 to 1000' },
    ]);
  return value;
}
