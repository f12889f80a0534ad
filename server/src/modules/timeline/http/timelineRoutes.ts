import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, pageOf, pageQuery, timestamp, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Action } from '../../identity/domain/PermissionPolicy';
import { assertAssigned } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { TimelineEntityType } from '../domain/TimelineEntry';
import { findTimelineEntity, findTimelineEntry, listTimeline } from '../infrastructure/timelineQueries';
import type { AddNote } from '../application/AddNote';

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
  /** The entity is the tenant's and the actor may read it (field staff: on their trips). */
  const assertMayRead = async (actor: Actor, entityType: TimelineEntityType, entityId: string) => {
    assertAllowed(actor, READ_ACTION[entityType]);
    const entity = await findTimelineEntity(db, actor.tenantId, entityType, entityId);
    if (!entity) throw new NotFoundError(entityType, entityId);
    if (entity.tripId) {
      const trip = await trips.findById(actor.tenantId, entity.tripId);
      if (trip) await assertAssigned(trips, actor, trip);
    }
  };
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
        await assertMayRead(actor, query.entityType, query.entityId);
        const page = await listTimeline(db, actor.tenantId, query, query);
        return {
          status: 200,
          body: { ...page, data: page.data.map((e) => ({ ...e, actor: e.actor ?? null })) },
        };
      },
    }),
    defineRoute<NoteBody>({
      method: 'post',
      path: '/timeline/notes',
      tag: 'timeline',
      summary: 'A staff note on the timeline of a lead, booking, trip, incident or conversation',
      description:
        'Recorded as a `NOTE` entry with source `WEB`; whoever may read the timeline may add to it.',
      permission: [...new Set(Object.values(READ_ACTION))],
      request: {
        body: Joi.object({
          entityType: Joi.string()
            .valid(...ENTITY_TYPES)
            .required(),
          entityId: uuid().required(),
          text: Joi.string().trim().min(1).max(5000).required(),
        }),
      },
      responses: { 201: { description: 'The note', schema: entrySchema } },
      errors: [404],
      async handler({ actor, body }) {
        await assertMayRead(actor, body.entityType, body.entityId);
        const id = await container.get<AddNote>(TYPES.AddNote).execute({ actor, ...body });
        const entry = await findTimelineEntry(db, actor.tenantId, id);
        return { status: 201, body: { ...entry, actor: entry?.actor ?? null } };
      },
    }),
  ];
}

type NoteBody = { entityType: TimelineEntityType; entityId: string; text: string };
