import type { Request } from 'express';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { RouteResult } from '../../../shared/http/api/RouteDefinition';
import { sessionCookie } from '../../../shared/http/api/sessionCookie';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { StartedSession } from '../application/StartSession';
import { signedInJson } from './sessionRepresentation';

/** Cookies are Secure whenever the console is reached over https (directly or behind a proxy). */
export const secureCookies = (req: Request, publicBaseUrl: string): boolean =>
  req.secure || publicBaseUrl.startsWith('https:');

/** 201 with the session's view and its cookie. */
export async function signInResult(
  req: Request,
  started: StartedSession,
  tenants: TenantRepository,
  publicBaseUrl: string,
  extra: Record<string, unknown> = {},
): Promise<RouteResult> {
  const tenant = await tenants.findById(started.user.tenantId);
  if (!tenant) throw new NotFoundError('tenant', started.user.tenantId);
  return {
    status: 201,
    headers: {
      'set-cookie': sessionCookie(
        started.token,
        started.session.expiresAt,
        secureCookies(req, publicBaseUrl),
      ),
      'cache-control': 'no-store',
    },
    body: { ...signedInJson(started.session, started.user, tenant, started.csrfToken), ...extra },
  };
}
