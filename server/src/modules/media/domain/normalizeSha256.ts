const HEX = /^[0-9a-f]{64}$/i;
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Meta states a file's SHA-256 as hex in `GET /{media-id}` but as base64 in webhooks; both become
 * lowercase hex here. Undefined when the value is neither (it is then not a checksum we can check).
 */
export function normalizeSha256(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (HEX.test(text)) return text.toLowerCase();
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes.toString('hex') : undefined;
}
