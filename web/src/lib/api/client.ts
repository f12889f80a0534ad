import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : R extends { 202: infer A }
        ? Json<A>
        : never
  : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The JSON a successful call answers, straight from the generated OpenAPI types. */
export type ResponseOf<P extends keyof paths, M extends Method> = Success<paths[P][M]>;
/** The JSON body a call takes. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** One item of a paged list endpoint. */
export type ItemOf<P extends keyof paths> = ResponseOf<P, 'get'> extends { data: Array<infer I> } ? I : never;

/** A problem+json answer of the API (docs/decisions/0004), thrown by `unwrap`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let onSignedOut: () => void = () => undefined;

/** The session hands out its CSRF token; every change made with the cookie carries it. */
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};
/** For the few calls made without the client (uploads of raw bytes). */
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});
export const whenSignedOut = (listener: () => void) => {
  onSignedOut = listener;
};

const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/v1/auth/')) onSignedOut();
    return response;
  },
};

/** The one API client: same origin, the session cookie, typed from /openapi.json. */
export const api = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
api.use(session);

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  fields?: Array<{ field: string; message: string }>;
}

/** The data of a call, or an ApiError with the problem's code and fields. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error ?? {}) as Problem;
    throw new ApiError(
      response.status,
      problem.code ?? 'HTTP_ERROR',
      problem.detail ?? problem.title ?? response.statusText,
      problem.fields,
    );
  }
  return data as T;
}
