import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks `X-Hub-Signature-256` against the raw request bytes. Meta signs the bytes it sent (with
 * non-ASCII escaped), so a re-serialised body never verifies: always pass the captured Buffer.
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  // An empty secret would let anyone compute a valid signature; fail closed on misconfiguration too.
  if (!secret || !Buffer.isBuffer(rawBody) || typeof header !== 'string') return false;
  const match = HEADER.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The `X-Hub-Signature-256` value Meta would send for this body. */
export function signMetaBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
