import crypto from 'node:crypto';

export interface IssuedApiKey {
  /** Shown once, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

/** 32 random bytes: a plain sha256 is enough to store it (no dictionary to guess from). */
export function issueApiKey(): IssuedApiKey {
  const key = `wao_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}
