import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { needsTripAssignment } from '../../identity/domain/PermissionPolicy';
import type { AssignStaff } from '../application/AssignStaff';
import type { CreateTrip } from '../application/CreateTrip';
import type { GetTripStatus } from '../application/GetTripStatus';
import type { UnassignStaff } from '../application/UnassignStaff';
import { listTrips } from '../infrastructure/tripQueries';
import { staffSchema, tripJson, tripSchema, tripStatusJson, tripStatusSchema } from './tripRepresentation';

type Code = { code: string };
const assignment = Joi.object({
  tripCode: Joi.string().required(),
  user: staffSchema.required(),
  assigned: Joi.boolean().required().description('false when the user was assigned already'),
}).label('TripAssignment');

const code = () => Joi.string().trim().min(2).max(32).description('Trip code, e.g. TRP123 (any case)');

export function tripRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  return [
    defineRoute<unknown, PageRequest>({
      method: 'get',
      path: '/trips',
      tag: 'trips',
      summary: 'Trips, newest first (field staff: the trips they are assigned to)',
      permission: 'view_trip_status',
      request: { query: Joi.object(pageQuery) },
      responses: { 200: { description: 'A page of trips', schema: pageOf(tripSchema, 'TripPage') } },
      async handler({ actor, query }) {
        const assignedTo = needsTripAssignment(actor.role) ? actor.userId : undefined;
        const page = await listTrips(db, actor.tenantId, { assignedTo }, query);
        return { status: 200, body: { ...page, data: page.data.map(tripJson) } };
      },
    }),
    defineRoute<{ code: string; name: string; departureDate: string }>({
      method: 'post',
      path: '/trips',
      tag: 'trips',
      summary: 'Create a trip',
      permission: 'manage_trips',
      request: {
        body: Joi.object({
          code: code().required(),
          name: Joi.string().trim().min(1).max(200).required(),
          departureDate: Joi.string()
            .pattern(/^\d{4}-\d{2}-\d{2}$/)
            .required()
            .description('YYYY-MM-DD'),
        }),
      },
      responses: { 201: { description: 'The trip', schema: tripSchema } },
      errors: [409],
      async handler({ actor, body }) {
        const trip = await container.get<CreateTrip>(TYPES.CreateTrip).execute({ actor, ...body });
        return { status: 201, body: tripJson(trip) };
      },
    }),
    defineRoute<unknown, unknown, Code>({
      method: 'get',
      path: '/trips/:code',
      tag: 'trips',
      summary: 'A trip’s status: departure, assigned staff, open incidents, last check-in',
      permission: 'view_trip_status',
      request: { params: Joi.object({ code: code().required() }) },
      responses: { 200: { description: 'The trip status', schema: tripStatusSchema } },
      async handler({ actor, params }) {
        const status = await container
          .get<GetTripStatus>(TYPES.GetTripStatus)
          .execute({ actor, tripCode: params.code });
        return { status: 200, body: tripStatusJson(status) };
      },
    }),
    defineRoute<{ userId: string }, unknown, Code>({
      method: 'post',
      path: '/trips/:code/assignments',
      tag: 'trips',
      summary: 'Assign a staff member to a trip (idempotent)',
      permission: 'assign_staff',
      request: {
        params: Joi.object({ code: code().required() }),
        body: Joi.object({ userId: uuid().required() }),
      },
      responses: {
        201: { description: 'Assigned', schema: assignment },
        200: { description: 'Was assigned already: nothing changed', schema: assignment },
      },
      errors: [422],
      async handler({ actor, params, body }) {
        const result = await container
          .get<AssignStaff>(TYPES.AssignStaff)
          .execute({ actor, tripCode: params.code, userId: body.userId });
        const { id, name, role } = result.user;
        return {
          status: result.assigned ? 201 : 200,
          body: { tripCode: result.trip.code, user: { id, name, role }, assigned: result.assigned },
        };
      },
    }),
    defineRoute<unknown, unknown, Code & { userId: string }>({
      method: 'delete',
      path: '/trips/:code/assignments/:userId',
      tag: 'trips',
      summary: 'Remove a staff member from a trip',
      permission: 'assign_staff',
      request: { params: Joi.object({ code: code().required(), userId: uuid().required() }) },
      responses: { 204: { description: 'Removed' } },
      async handler({ actor, params }) {
        await container
          .get<UnassignStaff>(TYPES.UnassignStaff)
          .execute({ actor, tripCode: params.code, userId: params.userId });
        return { status: 204 };
      },
    }),
  ];
}
