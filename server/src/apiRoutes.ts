import type { Container } from 'inversify';
import { identityRoutes } from './modules/identity/http/identityRoutes';
import type { RouteDefinition } from './shared/http/api/RouteDefinition';

/** Every /api/v1 endpoint, module by module: the router and /openapi.json are both built from this list. */
export function apiRoutes(container: Container): RouteDefinition[] {
  return [...identityRoutes(container)];
}
