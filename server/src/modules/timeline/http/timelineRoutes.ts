import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, pageOf, pageQuery, timestamp, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { assertAllowed } from '../../identity/domain/Actor';
import type { Action } from '../../identity/domain/PermissionPolicy';
import { assertAssigned } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { TimelineEntityType } from '../domain/TimelineEntry';
import { findTimelineEntity, listTimeline } from '../infrastructure/timelineQueries';

/** Who may read whose history: the same actions that govern the entity itself. */
const READ_ACTION: Record<TimelineEntityType, Action> = {
  lead: 'manage_leads',
  booking: 'view_bookings',
  trip: 'view_trip_status',
  incident: 'view_trip_status',
  conversation: 'manage_conversations',
};
const ENTITY_TYPES = Object.keys(READ_ACTION) as TimelineEntityType[];

const entrySchema = Joi.object({
  id: uuid().required(),
  entityType: Joi.string()
    .valid(...ENTITY_TYPES)
    .required(),
  entityId: uuid().required(),
  eventType: Joi.string()
    .valid('MESSAGE', 'SYSTEM', 'INCIDENT', 'CHECKIN', 'NOTE', 'STATUS_CHANGE')
    .required(),
  source: Joi.string().valid('WHATSAPP', 'WEB', 'SYSTEM', 'CRON').required(),
  actor: nullable(Joi.string()),
  content: Joi.object().unknown(true).required().description('System events carry `action`'),
  createdAt: timestamp().required(),
}).label('TimelineEntry');

type Query = PageRequest & { entityType: TimelineEntityType; entityId: string };

export function timelineRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const trips = container.get<TripRepository>(TYPES.TripRepository);
  return [
    defineRoute<unknown, Query>({
      method: 'get',
      path: '/timeline',
      tag: 'timeline',
      summary: 'The history of a lead, booking, trip, incident or conversation, newest first',
      permission: [...new Set(Object.values(READ_ACTION))],
      request: {
        query: Joi.object({
          ...pageQuery,
          entityType: Joi.string()
            .valid(...ENTITY_TYPES)
            .required(),
          entityId: uuid().required(),
        }),
      },
      responses: { 200: { description: 'A page of entries', schema: pageOf(entrySchema, 'TimelinePage') } },
      errors: [404],
      async handler({ actor, query }) {
        assertAllowed(actor, READ_ACTION[query.entityType]);
        const entity = await findTimelineEntity(db, actor.tenantId, query.entityType, query.entityId);
        if (!entity) throw new NotFoundError(query.entityType, query.entityId);
        if (entity.tripId) {
          const trip = await trips.findById(actor.tenantId, entity.tripId);
          if (trip) await assertAssigned(trips, actor, trip);
        }
        const page = await listTimeline(db, actor.tenantId, query, query);
        return {
          status: 200,
          body: { ...page, data: page.data.map((e) => ({ ...e, actor: e.actor ?? null })) },
        };
      },
    }),
  ];
}
