import { ValidationError } from '../../../shared/errors/AppError';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';

/** Sign-in happens before we know the tenant (and its region): the phone must carry its country code. */
export function signInPhone(raw: string): string {
  const phone = PhoneNumber.tryParse(raw);
  if (!phone)
    throw new ValidationError('phone must be an international number such as +54 9 11 1234-5678', [
      { field: 'phone', message: 'an international number, starting with +', in: 'body' },
    ]);
  return phone.e164;
}
