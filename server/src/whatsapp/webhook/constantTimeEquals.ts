import crypto from 'node:crypto';

/** Compares secrets without leaking, through timing, how much of them matched. */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right) && a.length === b.length;
}
