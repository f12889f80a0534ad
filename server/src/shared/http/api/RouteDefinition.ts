import type { Request, Response } from 'express';
import type Joi from 'joi';
import type { Actor } from '../../../modules/identity/domain/Actor';
import type { Action } from '../../../modules/identity/domain/PermissionPolicy';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler sees: the caller and the request parts, already validated and converted by joi. */
export interface RouteContext<B = unknown, Q = unknown, P = Record<string, string>> {
  /** The caller; not set on `public` routes. */
  actor: Actor;
  /** The console session, when its cookie authenticated the request. */
  session?: { id: string; csrfToken: string };
  params: P;
  query: Q;
  body: B;
  req: Request;
}

/**
 * A JSON body (`body`), raw bytes (`bytes` + `contentType`), a stream the handler keeps writing
 * (`stream`: server-sent events), or nothing (204).
 */
export interface RouteResult {
  status: number;
  body?: unknown;
  bytes?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  stream?: (res: Response) => Promise<void>;
}

export interface ResponseSpec {
  description: string;
  /** The JSON body; omit for an empty response. */
  schema?: Joi.Schema;
  /** For non-JSON bodies (media bytes). */
  contentType?: string;
}

/**
 * One endpoint, declared once: express routing, validation and the OpenAPI document are all
 * generated from it (shared/http/api/mountRoutes.ts, openApiDocument.ts).
 */
export interface RouteDefinition<B = unknown, Q = unknown, P = Record<string, string>> {
  method: HttpMethod;
  /** Express syntax, relative to /api/v1: `/leads/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * The policy actions any one of which admits the caller; `authenticated`: any active staff user;
   * `public`: no credentials at all (signing in).
   */
  permission: Action | readonly Action[] | 'authenticated' | 'public';
  /**
   * A public route that checks credentials itself (signing in): its wrong codes and keys count
   * toward the client's failed-authentication limit like a wrong API key does.
   */
  checksCredentials?: true;
  request?: {
    params?: Joi.ObjectSchema;
    query?: Joi.ObjectSchema;
    body?: Joi.ObjectSchema;
    /** A binary body instead of JSON (media upload). */
    rawBody?: { limit: string; description: string };
  };
  /** Success responses by status; problem responses are added from `errors`. */
  responses: Record<number, ResponseSpec>;
  /** Problem statuses beyond 400/401/403 (and 404 for routes with path parameters). */
  errors?: readonly number[];
  handler(ctx: RouteContext<B, Q, P>): Promise<RouteResult>;
}

/** Keeps the handler's parameter types while the list holds every route under one type. */
export const defineRoute = <B = unknown, Q = unknown, P = Record<string, string>>(
  route: RouteDefinition<B, Q, P>,
): RouteDefinition => route as unknown as RouteDefinition;
