import { requestJsonSchema, toJsonSchema, type JsonSchema } from './jsonSchema';
import type { RouteDefinition } from './RouteDefinition';
import { problemSchema } from './schemas';

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

const PROBLEMS: Record<number, string> = {
  400: 'Invalid request: `fields` names each failing field',
  401: 'Missing, invalid or revoked API key or session',
  403: 'The caller’s role may not do this (audited), or `PLAN_FEATURE`: the tenant’s plan lacks the feature',
  404: 'No such resource in the caller’s tenant',
  409: 'Conflicts with the current state',
  413: 'Body larger than the limit',
  422: 'A business rule refuses it',
  429: 'Too many failed authentications from this address (wait `Retry-After` seconds), or `LIMIT_REACHED`: the plan’s monthly limit is used up (`Retry-After`: the HTTP date the next period begins)',
  503: 'A dependency (database, provider) is unavailable: retry later',
};

/** `/leads/:id` → `/leads/{id}` */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function parameters(route: RouteDefinition) {
  const parts = [
    ['path', route.request?.params],
    ['query', route.request?.query],
  ] as const;
  return parts.flatMap(([where, schema]) => {
    if (!schema) return [];
    const json = requestJsonSchema(schema);
    return Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property as JsonSchema;
      return {
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      };
    });
  });
}

function requestBody(route: RouteDefinition) {
  const raw = route.request?.rawBody;
  if (raw)
    return {
      required: true,
      description: raw.description,
      content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    };
  const body = route.request?.body;
  return body && { required: true, content: { 'application/json': { schema: requestJsonSchema(body) } } };
}

function responses(route: RouteDefinition) {
  const out: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses))
    out[status] = {
      description: spec.description,
      ...(spec.schema && { content: { 'application/json': { schema: toJsonSchema(spec.schema) } } }),
      ...(spec.contentType && { content: { [spec.contentType]: { schema: { type: 'string' } } } }),
    };
  const problems = [400, 401, 403, ...(route.path.includes(':') ? [404] : []), ...(route.errors ?? []), 429];
  for (const status of problems)
    out[status] = {
      description: PROBLEMS[status] ?? 'Problem',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  return out;
}

const operationId = (route: RouteDefinition) =>
  route.method +
  route.path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith(':') ? `By${s[1].toUpperCase()}${s.slice(2)}` : s))
    .map((s) => s.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()))
    .join('');

const permissionText = (permission: RouteDefinition['permission']) =>
  permission === 'public'
    ? 'No credentials needed.'
    : permission === 'authenticated'
      ? 'Any active staff user.'
      : `Policy action: ${[permission].flat().join(' or ')}.`;

/** The OpenAPI 3.1 document, generated from the same definitions the router validates with. */
export function openApiDocument(routes: readonly RouteDefinition[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = (paths[openApiPath(route.path)] ??= {});
    path[route.method] = {
      operationId: operationId(route),
      tags: [route.tag],
      summary: route.summary,
      description: [route.description, permissionText(route.permission)].filter(Boolean).join('\n\n'),
      'x-permission': route.permission,
      ...(route.permission === 'public' ? { security: [] } : {}),
      parameters: parameters(route),
      ...(requestBody(route) && { requestBody: requestBody(route) }),
      responses: responses(route),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'wa-ops staff API',
      version: '1.0.0',
      description:
        'Staff REST API of the WhatsApp operations layer. Errors are application/problem+json with a stable `code`; lists are cursor-paginated (`limit` ≤ 200, `nextCursor`).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }, { session: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A staff user’s API key (shown once at creation): `Authorization: Bearer wao_…`',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'wa_ops_session',
          description:
            'The web console’s session (POST /auth/session); changes also need its `x-csrf-token` header',
        },
      },
      schemas: { Problem: toJsonSchema(problemSchema) },
    },
  };
}
