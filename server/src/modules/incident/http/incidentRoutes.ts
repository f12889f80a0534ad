import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { idOrRefParam, nullable, pageOf, pageQuery, timestamp, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import { needsTripAssignment } from '../../identity/domain/PermissionPolicy';
import { assertAssigned } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import { isUuid } from '../../trip/infrastructure/isUuid';
import type { ResolveIncidents } from '../application/ResolveIncidents';
import {
  findIncident,
  listIncidents,
  type IncidentFilters,
  type IncidentView,
} from '../infrastructure/incidentQueries';

const incidentSchema = Joi.object({
  id: uuid().required(),
  ref: Joi.string().required().description('INC-<n>'),
  tripId: uuid().required(),
  tripCode: Joi.string().required(),
  reporterId: nullable(uuid()),
  description: Joi.string().required(),
  status: Joi.string().valid('open', 'resolved').required(),
  resolutionNote: nullable(Joi.string()),
  resolvedBy: nullable(uuid()),
  resolvedAt: nullable(timestamp()),
  createdAt: timestamp().required(),
}).label('Incident');

const incidentJson = (i: IncidentView) => ({
  ...i,
  reporterId: i.reporterId ?? null,
  resolutionNote: i.resolutionNote ?? null,
  resolvedBy: i.resolvedBy ?? null,
  resolvedAt: i.resolvedAt ?? null,
});

type Id = { id: string };
type Resolution = { status: 'resolved'; note?: string; notifyCustomers: boolean; message?: string };

export function incidentRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const trips = container.get<TripRepository>(TYPES.TripRepository);
  /** Field staff see the incidents of trips they are assigned to (SPEC §3), like the WhatsApp side. */
  const visible = async (actor: Actor, id: string) => {
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
          status: Joi.string().valid('open', 'resolved'),
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
      summary: 'One incident, by uuid or ref',
      permission: 'view_trip_status',
      request: { params: idOrRefParam('INC-7') },
      responses: { 200: { description: 'The incident', schema: incidentSchema } },
      async handler({ actor, params: { id } }) {
        return { status: 200, body: incidentJson(await visible(actor, id)) };
      },
    }),
    defineRoute<Resolution, unknown, Id>({
      method: 'patch',
      path: '/incidents/:id',
      tag: 'incidents',
      summary: 'Resolve an incident; optionally tell the trip’s customers',
      description:
        'Operations and managers are alerted as for `RESOLVED INC-n`. With `notifyCustomers`, `message` goes to every customer booked on the trip (incident_update template).',
      permission: 'resolve_incident',
      request: {
        params: idOrRefParam('INC-7'),
        // The condition sits on the object, not on `message`: a conditional key converts to an
        // untyped schema in the OpenAPI document, an object-level one to if/then.
        body: Joi.object({
          status: Joi.string().valid('resolved').required(),
          note: Joi.string().trim().max(1000),
          notifyCustomers: Joi.boolean().default(false),
          message: Joi.string().trim().min(1).max(1000).description('Required with `notifyCustomers: true`'),
        }).when(Joi.object({ notifyCustomers: Joi.valid(true).required() }).unknown(), {
          then: Joi.object({ message: Joi.string().required() }),
        }),
      },
      responses: {
        200: {
          description: 'The resolved incident',
          schema: incidentSchema
            .keys({
              alerted: Joi.number().integer().required().description('Operations/manager users alerted'),
              customersNotified: Joi.number().integer().required(),
            })
            .label('ResolvedIncident'),
        },
      },
      errors: [422],
      async handler({ actor, params: { id }, body }) {
        const target = isUuid(id) ? { incidentId: id } : { incidentRef: id };
        const result = await container.get<ResolveIncidents>(TYPES.ResolveIncidents).execute({
          actor,
          ...target,
          note: body.note,
          notifyCustomers: body.notifyCustomers,
          message: body.message,
        });
        const incident = await findIncident(db, actor.tenantId, result.resolved[0].id);
        return {
          status: 200,
          body: {
            ...incidentJson(incident as IncidentView),
            alerted: result.alerted,
            customersNotified: result.customersNotified,
          },
        };
      },
    }),
  ];
}
