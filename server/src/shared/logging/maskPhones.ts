/** Keeps the country code and last four digits: enough to correlate, not enough to dial. */
export function maskPhone(value: unknown): string {
  const text = String(value ?? '');
  const digits = text.replace(/[^\d]/g, '');
  if (digits.length < 7) return '***';
  const prefix = text.startsWith('whatsapp:') ? 'whatsapp:+' : text.startsWith('+') ? '+' : '';
  return `${prefix}${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}

/** A number in international form anywhere in text, `+` written or URL-encoded (`%2B`). */
const INTERNATIONAL = /(?:\+|%2[Bb])\d(?:(?:[ ().-]|%20)?\d){6,14}(?!\d)/g;
const PHONE_SHAPED = /^\+?[\d ().-]+$/;
const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}/;

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const looksLikePhone = (text: string) =>
  PHONE_SHAPED.test(text) && !DATE_SHAPED.test(text) && text.replace(/\D/g, '').length >= 7;

/** Masks every number written in international form (`+5491155550101` → `+54*******0101`). */
export const maskPhonesInText = (text: string): string =>
  text.replace(INTERNATIONAL, (found) => maskPhone(decode(found.replace(/^%2b/i, '+'))));

/**
 * A request URL with phone numbers masked: international ones anywhere, and path segments or
 * query values that are a bare number (`/opt-ins/5491155550101`, `?phone=011 1234-5678`).
 */
export function maskPhonesInUrl(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  const maskValue = (raw: string) =>
    looksLikePhone(decode(raw)) ? encodeURIComponent(maskPhone(decode(raw))) : raw;
  const maskedPath = path.split('/').map(maskValue).join('/');
  const maskedQuery = query
    ?.split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? pair : `${pair.slice(0, at)}=${maskValue(pair.slice(at + 1).replace(/\+/g, ' '))}`;
    })
    .join('&');
  return maskPhonesInText(maskedQuery === undefined ? maskedPath : `${maskedPath}?${maskedQuery}`);
}
