import express, { Router, type Request, type Response } from 'express';
import type { AuditLog } from '../../../modules/audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../../modules/identity/domain/Actor';
import { PermissionError } from '../../errors/AppError';
import type { AuthFailureGuard } from '../AuthFailureGuard';
import { authenticate, type AuthenticationDeps, type Authenticated } from './authenticate';
import { authorize } from './authorize';
import type { RouteDefinition, RouteResult } from './RouteDefinition';
import { validateRequest } from './validateRequest';

export interface ApiDependencies extends AuthenticationDeps {
  audit: AuditLog;
  authFailures: AuthFailureGuard;
}

/** Each route: authenticate (failures, and wrong sign-in credentials, counted per client address) → policy → validate → handler → response; refusals are audited. */
export function mountRoutes(routes: readonly RouteDefinition[], deps: ApiDependencies): Router {
  const router = Router();
  for (const route of routes) {
    const rawBody = route.request?.rawBody;
    const parsers = rawBody ? [express.raw({ type: () => true, limit: rawBody.limit })] : [];
    router[route.method](route.path, ...parsers, async (req: Request, res: Response) => {
      const { actor, session }: Partial<Authenticated> =
        route.permission === 'public'
          ? {}
          : await deps.authFailures.guard(req.ip, 'api_key', () => authenticate(req, deps));
      try {
        if (actor) authorize(actor, route.permission);
        const input = validateRequest(route.request ?? {}, {
          params: req.params,
          query: req.query,
          body: rawBody ? {} : req.body,
        });
        const run = () => route.handler({ actor, session, ...input, req } as never);
        await send(
          res,
          route.checksCredentials ? await deps.authFailures.guard(req.ip, 'sign_in', run) : await run(),
        );
      } catch (error) {
        if (error instanceof PermissionError && actor) await auditRefusal(deps.audit, actor, route, error);
        throw error;
      }
    });
  }
  return router;
}

async function send(res: Response, result: RouteResult): Promise<void> {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.status(result.status);
  if (result.stream) await result.stream(res);
  else if (result.bytes) res.type(result.contentType ?? 'application/octet-stream').send(result.bytes);
  else if (result.body === undefined) res.end();
  else res.json(result.body);
}

/** SPEC §3: a refusal changes nothing but leaves a trace. */
async function auditRefusal(audit: AuditLog, actor: Actor, route: RouteDefinition, error: PermissionError) {
  await audit.record({
    tenantId: actor.tenantId,
    actor: actorLabel(actor),
    action: 'PERMISSION_DENIED',
    details: { request: `${route.method.toUpperCase()} ${route.path}`, role: actor.role, ...error.details },
  });
}
