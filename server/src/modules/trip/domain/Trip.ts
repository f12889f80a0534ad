import { isCalendarDay } from '../../../shared/clock/calendar';
import { ValidationError, type FieldProblem } from '../../../shared/errors/AppError';
import { TripCode } from './TripCode';

export interface Trip {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  /** YYYY-MM-DD, a calendar day with no time zone. */
  departureDate: string;
  status: string;
  createdAt: Date;
}

export type NewTrip = Pick<Trip, 'tenantId' | 'code' | 'name' | 'departureDate'>;

/** A new trip with its code uppercased; every invalid field is named in one ValidationError. */
export function newTrip(input: {
  tenantId: string;
  code: string;
  name: string;
  departureDate: string;
}): NewTrip {
  const trip = {
    tenantId: input.tenantId,
    code: TripCode.normalize(input.code ?? ''),
    name: (input.name ?? '').trim(),
    departureDate: (input.departureDate ?? '').trim(),
  };
  const problems: FieldProblem[] = [];
  if (!TripCode.isValid(trip.code))
    problems.push({ field: 'code', message: 'must be 2-32 letters, digits, "-" or "_"' });
  if (!trip.name || trip.name.length > 200)
    problems.push({ field: 'name', message: 'must be 1-200 characters' });
  if (!isCalendarDay(trip.departureDate))
    problems.push({ field: 'departureDate', message: 'must be a real date as YYYY-MM-DD (years 0001-9999)' });
  if (problems.length) throw new ValidationError('The trip is not valid', problems);
  return trip;
}
