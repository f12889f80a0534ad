import type { Request } from 'express';
import type { Actor } from '../../../modules/identity/domain/Actor';
import type { User } from '../../../modules/identity/domain/User';
import type { ApiKeyRepository } from '../../../modules/identity/domain/UserRepository';
import type { SessionRepository } from '../../../modules/session/domain/ConsoleSession';
import { CSRF_HEADER, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../../../modules/session/domain/signInRules';
import type { Clock } from '../../clock/Clock';
import { hashApiKey } from '../../crypto/apiKeys';
import { hashToken, sameSecret, type ConsoleSecrets } from '../../crypto/consoleSecrets';
import { AuthenticationError, CsrfError } from '../../errors/AppError';
import { sessionToken } from './sessionCookie';

const BEARER = /^Bearer[ \t]+([\w.~+/=-]{1,256})[ \t]*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticationDeps {
  apiKeys: ApiKeyRepository;
  sessions: SessionRepository;
  secrets: ConsoleSecrets;
  clock: Clock;
}

export interface Authenticated {
  actor: Actor;
  /** Present when the console's session cookie authenticated the request. */
  session?: { id: string; csrfToken: string };
}

const actorOf = (user: User): Actor => ({
  tenantId: user.tenantId,
  role: user.role,
  userId: user.id,
  phone: user.phone,
  name: user.name,
  source: 'WEB',
});

/**
 * `Authorization: Bearer <key>` → the key's active user; else the console's session cookie,
 * whose changes (anything but GET) must carry the session's CSRF token. Missing, unknown,
 * revoked and expired credentials and deactivated users all answer the same 401.
 */
export async function authenticate(req: Request, deps: AuthenticationDeps): Promise<Authenticated> {
  const header = req.headers.authorization;
  if (header) {
    const key = BEARER.exec(header)?.[1];
    const user = key ? await deps.apiKeys.findUserByHash(hashApiKey(key)) : undefined;
    if (!user) throw new AuthenticationError('The API key is invalid or revoked', 'INVALID_API_KEY');
    return { actor: actorOf(user) };
  }
  const token = sessionToken(req);
  if (!token) throw new AuthenticationError('Sign in, or send an API key as Authorization: Bearer <key>');
  const tokenHash = hashToken(token);
  const now = deps.clock.now();
  const found = await deps.sessions.findLive(tokenHash, now);
  if (!found) throw new AuthenticationError('The session has ended: sign in again', 'SESSION_EXPIRED');
  const csrfToken = deps.secrets.csrfTokenFor(tokenHash);
  const sent = req.headers[CSRF_HEADER];
  if (!SAFE_METHODS.has(req.method) && !(typeof sent === 'string' && sameSecret(sent, csrfToken)))
    throw new CsrfError();
  if (now.getTime() - found.session.lastSeenAt.getTime() > SESSION_TOUCH_MS)
    await deps.sessions.touch(found.session.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
  return { actor: actorOf(found.user), session: { id: found.session.id, csrfToken } };
}
