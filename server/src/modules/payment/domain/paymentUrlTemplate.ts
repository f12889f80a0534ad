import { ValidationError } from '../../../shared/errors/AppError';

const PLACEHOLDER = /\{(\w+)\}/g;
const KNOWN = ['ref', 'amount', 'currency'];
const MAX_LENGTH = 2000;

export interface PaymentUrlValues {
  ref: string;
  /** "1500.00" */
  amount: string;
  currency: string;
}

/** The link with `{ref}`, `{amount}` and `{currency}` filled in, each URL-encoded. */
export function fillPaymentUrl(template: string, values: PaymentUrlValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.includes(name) ? encodeURIComponent(values[name as keyof PaymentUrlValues]) : whole,
  );
}

/** An http(s) URL once filled, using no placeholder but the three known ones; trimmed. */
export function checkPaymentUrlTemplate(template: string, field = 'paymentUrlTemplate'): string {
  const text = template.trim();
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((n) => !KNOWN.includes(n));
  const problem = (message: string) => new ValidationError(`${field} ${message}`, [{ field, message }]);
  if (!text || text.length > MAX_LENGTH) throw problem(`must be 1-${MAX_LENGTH} characters`);
  if (unknown.length) throw problem(`may use {ref}, {amount} and {currency} only, not {${unknown[0]}}`);
  let url: URL;
  try {
    url = new URL(fillPaymentUrl(text, { ref: 'BK-1', amount: '1.00', currency: 'USD' }));
  } catch {
    throw problem('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('must be an http or https URL');
  return text;
}
