import type { Container } from 'inversify';
import { bookingRoutes } from './modules/booking/http/bookingRoutes';
import { identityRoutes } from './modules/identity/http/identityRoutes';
import { incidentRoutes } from './modules/incident/http/incidentRoutes';
import { leadRoutes } from './modules/lead/http/leadRoutes';
import { tripRoutes } from './modules/trip/http/tripRoutes';
import type { RouteDefinition } from './shared/http/api/RouteDefinition';

/** Every /api/v1 endpoint, module by module: the router and /openapi.json are both built from this list. */
export function apiRoutes(container: Container): RouteDefinition[] {
  return [
    ...identityRoutes(container),
    ...leadRoutes(container),
    ...bookingRoutes(container),
    ...tripRoutes(container),
    ...incidentRoutes(container),
  ];
}
