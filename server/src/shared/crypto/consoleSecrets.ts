import crypto from 'node:crypto';

/**
 * Secrets of the web console's sign-in. Session and setup tokens are 32 random bytes, so a plain
 * sha256 is enough to store them. A login code has only a million values, so it is stored as an
 * HMAC under a key derived from the encryption key: a copy of the table alone does not reveal it.
 */
export class ConsoleSecrets {
  private readonly codeKey: Buffer;
  private readonly csrfKey: Buffer;

  constructor(encryptionKey: Buffer) {
    this.codeKey = derive(encryptionKey, 'wa-ops login codes');
    this.csrfKey = derive(encryptionKey, 'wa-ops csrf tokens');
  }

  /** A 6-digit code, uniformly drawn. */
  newLoginCode(): string {
    return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  }

  hashLoginCode(tenantId: string, phone: string, code: string): string {
    return crypto.createHmac('sha256', this.codeKey).update(`${tenantId}:${phone}:${code}`).digest('hex');
  }

  /** The CSRF token of a session is derived from it, so it needs no storage and dies with the session. */
  csrfTokenFor(sessionTokenHash: string): string {
    return crypto.createHmac('sha256', this.csrfKey).update(sessionTokenHash).digest('base64url');
  }
}

const derive = (key: Buffer, purpose: string): Buffer =>
  Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), purpose, 32));

export const newRandomToken = (): string => crypto.randomBytes(32).toString('base64url');

export const hashToken = (token: string): string =>
  crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** Equal secrets, compared in time that depends neither on where they differ nor on their lengths. */
export function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y) && a.length === b.length;
}
