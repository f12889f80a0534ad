import { ValidationError } from '../../../shared/errors/AppError';

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** Money travels as a decimal string with two places ("1500.00"), like the numeric(14,2) columns. */
export function parseAmount(value: string | number, field = 'amount'): string {
  const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
  if (!AMOUNT.test(text) || toCents(text) <= 0)
    throw new ValidationError(`${field} must be a positive amount with at most 2 decimals`, [
      { field, message: 'must be > 0 with at most 2 decimals' },
    ]);
  return fromCents(toCents(text));
}

/** ISO 4217 code, upper-cased ("usd" → "USD"). */
export function parseCurrency(value: string, field = 'currency'): string {
  const code = String(value ?? '')
    .trim()
    .toUpperCase();
  if (!/^[A-Z]{3}$/.test(code))
    throw new ValidationError(`${field} must be a 3-letter ISO 4217 code`, [
      { field, message: 'must be 3 letters, e.g. USD' },
    ]);
  return code;
}

/** Whole cents; a numeric column may come back as a string or a number depending on the driver. */
export const toCents = (amount: string | number): number => Math.round(Number(amount) * 100);

export const fromCents = (cents: number): string => (cents / 100).toFixed(2);

export const formatMoney = (amount: string, currency: string): string => `${amount} ${currency}`;
