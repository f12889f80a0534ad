import type { Request } from 'express';
import { SESSION_COOKIE } from '../../../modules/session/domain/signInRules';

/** The value of one cookie of the request (no parser dependency for one cookie). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return /^[\w-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * `wa_ops_session`: httpOnly (no script reads it), SameSite=Strict (no other site sends it),
 * Secure whenever the console is reached over https.
 */
export function sessionCookie(token: string, expires: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedSessionCookie = (secure: boolean): string => sessionCookie('', new Date(0), secure);

export const sessionToken = (req: Request): string | undefined => readCookie(req, SESSION_COOKIE);
