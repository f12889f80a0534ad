import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { idOrRefParam, pageOf, pageQuery } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import { needsTripAssignment } from '../../identity/domain/PermissionPolicy';
import { assertAssigned } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { IncidentRepository } from '../domain/IncidentRepository';
import {
  findIncident,
  listIncidents,
  type IncidentFilters,
  type IncidentView,
} from '../infrastructure/incidentQueries';
import {
  INCIDENT_STATUSES,
  incidentJson,
  incidentSchema,
  incidentUpdateJson,
  incidentUpdateSchema,
} from './incidentRepresentation';
import { patchIncidentRoute } from './patchIncidentRoute';

type Id = { id: string };
const UPDATES_SHOWN = 100;

export function incidentRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const trips = container.get<TripRepository>(TYPES.TripRepository);
  const incidents = container.get<IncidentRepository>(TYPES.IncidentRepository);
  /** Field staff see the incidents of trips they are assigned to (SPEC §3), like the WhatsApp side. */
  const visible = async (actor: Actor, id: string): Promise<IncidentView> => {
    const incident = await findIncident(db, actor.tenantId, id);
    if (!incident) throw new NotFoundError('incident', id);
    const trip = await trips.findById(actor.tenantId, incident.tripId);
    if (!trip) throw new NotFoundError('trip', incident.tripId);
    await assertAssigned(trips, actor, trip);
    return incident;
  };
  return [
    defineRoute<unknown, PageRequest & IncidentFilters>({
      method: 'get',
      path: '/incidents',
      tag: 'incidents',
      summary: 'Incidents, newest first (field staff: on their trips)',
      permission: 'view_trip_status',
      request: {
        query: Joi.object({
          ...pageQuery,
          status: Joi.string().valid(...INCIDENT_STATUSES),
          tripCode: Joi.string().trim().max(32),
        }),
      },
      responses: {
        200: { description: 'A page of incidents', schema: pageOf(incidentSchema, 'IncidentPage') },
      },
      async handler({ actor, query }) {
        const assignedTo = needsTripAssignment(actor.role) ? actor.userId : undefined;
        const page = await listIncidents(db, actor.tenantId, { ...query, assignedTo }, query);
        return { status: 200, body: { ...page, data: page.data.map(incidentJson) } };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'get',
      path: '/incidents/:id',
      tag: 'incidents',
      summary: 'One incident with its updates (newest first), by uuid or ref',
      permission: 'view_trip_status',
      request: { params: idOrRefParam('INC-7') },
      responses: {
        200: {
          description: 'The incident',
          schema: incidentSchema
            .keys({ updates: Joi.array().items(incidentUpdateSchema).required() })
            .label('IncidentWithUpdates'),
        },
      },
      async handler({ actor, params: { id } }) {
        const incident = await visible(actor, id);
        const updates = await incidents.listUpdates(actor.tenantId, incident.id, UPDATES_SHOWN);
        return {
          status: 200,
          body: { ...incidentJson(incident), updates: updates.map(incidentUpdateJson) },
        };
      },
    }),
    patchIncidentRoute(container),
  ];
}
