import type { Container } from 'inversify';
import Joi from 'joi';
import type { Config } from '../../../config';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { clearedSessionCookie } from '../../../shared/http/api/sessionCookie';
import { pageOf, pageQuery, phoneInput, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { isAllowed } from '../../identity/domain/PermissionPolicy';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { UserRepository } from '../../identity/domain/UserRepository';
import type { RequestLoginCode } from '../application/RequestLoginCode';
import type { RevokeSession } from '../application/RevokeSession';
import type { Credentials, StartSession } from '../application/StartSession';
import type { SessionRepository } from '../domain/ConsoleSession';
import { LOGIN_CODE_TTL_MS } from '../domain/signInRules';
import { listLiveSessions } from '../infrastructure/sessionQueries';
import { secureCookies, signInResult } from './signInResult';
import { sessionJson, sessionSchema, signedInJson, signedInSchema } from './sessionRepresentation';

const noConsoleSession = () => new NotFoundError('console session', 'of this request');

/** SPEC §20: sign-in to the web console, the current session, the live sessions. */
export function sessionRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const config = container.get<Config>(TYPES.Config);
  const clock = container.get<Clock>(TYPES.Clock);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const users = container.get<UserRepository>(TYPES.UserRepository);
  const sessions = container.get<SessionRepository>(TYPES.SessionRepository);
  return [
    defineRoute<{ phone: string; tenant?: string }>({
      method: 'post',
      path: '/auth/login-code',
      tag: 'auth',
      summary: 'Send a 6-digit sign-in code over WhatsApp (template login_code)',
      description:
        'The answer is the same whether or not the phone belongs to staff. A code lives 10 minutes and takes 5 tries; a phone gets at most 5 codes an hour.',
      permission: 'public',
      request: {
        body: Joi.object({
          phone: phoneInput().required().description('International format: +54 9 11 1234-5678'),
          tenant: Joi.string().trim().max(64).description('Tenant id or slug, for staff of several tenants'),
        }),
      },
      responses: {
        202: {
          description: 'A code is on its way if the phone belongs to staff',
          schema: Joi.object({ expiresInSeconds: Joi.number().integer().required() }).label('LoginCodeSent'),
        },
      },
      async handler({ body }) {
        await container.get<RequestLoginCode>(TYPES.RequestLoginCode).execute(body);
        return { status: 202, body: { expiresInSeconds: LOGIN_CODE_TTL_MS / 1000 } };
      },
    }),
    defineRoute<Credentials>({
      method: 'post',
      path: '/auth/session',
      tag: 'auth',
      summary: 'Sign in with a login code or an API key: sets the wa_ops_session cookie',
      permission: 'public',
      checksCredentials: true,
      request: {
        body: Joi.object({
          phone: phoneInput(),
          code: Joi.string()
            .trim()
            .pattern(/^\d{6}$/, 'six digits'),
          apiKey: Joi.string().trim().max(256),
        })
          .xor('code', 'apiKey')
          .with('code', 'phone')
          .with('phone', 'code'),
      },
      responses: { 201: { description: 'Signed in', schema: signedInSchema } },
      async handler({ body, req }) {
        const started = await container
          .get<StartSession>(TYPES.StartSession)
          .execute(body, req.headers['user-agent']);
        return signInResult(req, started, tenants, config.publicBaseUrl);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/session',
      tag: 'auth',
      summary: 'The console session of this request, with its CSRF token',
      permission: 'authenticated',
      responses: { 200: { description: 'The session', schema: signedInSchema } },
      errors: [404],
      async handler({ actor, session }) {
        const current = session && (await sessions.findById(actor.tenantId, session.id));
        const user = await users.findById(actor.tenantId, actor.userId as string);
        const tenant = await tenants.findById(actor.tenantId);
        if (!session || !current || !user || !tenant) throw noConsoleSession();
        return {
          status: 200,
          headers: { 'cache-control': 'no-store' },
          body: signedInJson(current, user, tenant, session.csrfToken),
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/auth/session',
      tag: 'auth',
      summary: 'Sign out: ends this console session and clears its cookie',
      permission: 'authenticated',
      responses: { 204: { description: 'Signed out' } },
      errors: [404],
      async handler({ actor, session, req }) {
        if (!session) throw noConsoleSession();
        await container.get<RevokeSession>(TYPES.RevokeSession).execute(actor, session.id);
        const cookie = clearedSessionCookie(secureCookies(req, config.publicBaseUrl));
        return { status: 204, headers: { 'set-cookie': cookie } };
      },
    }),
    defineRoute<unknown, PageRequest & { userId?: string }>({
      method: 'get',
      path: '/auth/sessions',
      tag: 'auth',
      summary: 'Live console sessions: the caller’s own; a manager’s, anyone’s in the tenant',
      permission: 'authenticated',
      request: {
        query: Joi.object({ ...pageQuery, userId: uuid().description('Managers: one user’s sessions') }),
      },
      responses: {
        200: { description: 'A page of sessions', schema: pageOf(sessionSchema, 'ConsoleSessionPage') },
      },
      async handler({ actor, session, query }) {
        const userId = isAllowed(actor.role, 'manage_users') ? query.userId : actor.userId;
        const page = await listLiveSessions(db, actor.tenantId, clock.now(), { userId }, query);
        return { status: 200, body: { ...page, data: page.data.map((s) => sessionJson(s, session?.id)) } };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'delete',
      path: '/auth/sessions/:id',
      tag: 'auth',
      summary: 'End a console session (one’s own; a manager: anyone’s in the tenant)',
      permission: 'authenticated',
      request: { params: Joi.object({ id: uuid().required() }) },
      responses: { 204: { description: 'Ended' } },
      async handler({ actor, params }) {
        await container.get<RevokeSession>(TYPES.RevokeSession).execute(actor, params.id);
        return { status: 204 };
      },
    }),
  ];
}
