import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import { ValidationError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { Role } from '../../identity/domain/Role';
import { EVENT_TYPES } from '../domain/DomainEvent';
import type { EventHub } from '../infrastructure/EventHub';
import { assignedTripIds, eventsAfter } from '../infrastructure/eventQueries';
import type { EventStreamOptions } from '../infrastructure/EventStreamOptions';
import { EventStreamSession } from './EventStreamSession';

const DESCRIPTION = `Server-sent events (\`text/event-stream\`): each event has \`id\` (monotonic per tenant), \`event\`
(the type: ${EVENT_TYPES.map((t) => `\`${t}\``).join(', ')}) and \`data\`, the JSON \`{ id, type, occurredAt, data }\`.
Reconnect with the \`Last-Event-ID\` header (or \`?lastEventId=\`) to replay what was missed (events are kept 24 hours).
A comment line is sent every 15 seconds. Each subscriber receives what its role may read; field staff, the events of
their trips only. A subscriber that falls too far behind is disconnected and resumes by id.`;

/** `Last-Event-ID` header or `lastEventId` query: a non-negative integer. */
function lastEventIdOf(header: string | undefined, query: number | undefined): number | undefined {
  if (header === undefined || header === '') return query;
  if (!/^\d{1,15}$/.test(header.trim()))
    throw new ValidationError('Last-Event-ID must be an event id', [
      { field: 'Last-Event-ID', message: 'must be a non-negative integer' },
    ]);
  return Number(header.trim());
}

export function eventRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const logger = container.get<Logger>(TYPES.Logger);
  const options = container.get<EventStreamOptions>(TYPES.EventStreamOptions);
  return [
    defineRoute<unknown, { lastEventId?: number }>({
      method: 'get',
      path: '/events',
      tag: 'events',
      summary: 'The live event stream of the tenant',
      description: DESCRIPTION,
      permission: 'authenticated',
      request: {
        query: Joi.object({ lastEventId: Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER) }),
      },
      responses: { 200: { description: 'An endless event stream', contentType: 'text/event-stream' } },
      async handler({ actor, query, req }) {
        const lastEventId = lastEventIdOf(req.get('last-event-id'), query.lastEventId);
        const role = actor.role as Role;
        const subscriber = {
          tenantId: actor.tenantId,
          role,
          assignedTrips: () => assignedTripIds(db, actor.tenantId, actor.userId!),
        };
        const source = {
          hub: container.get<EventHub>(TYPES.EventHub),
          after: (tenantId: string, afterId: number, limit: number) =>
            eventsAfter(db, tenantId, afterId, limit),
        };
        return {
          status: 200,
          stream: async (res) => {
            const session = new EventStreamSession(res, subscriber, source, options, logger);
            await session.open(lastEventId).catch((error: unknown) => {
              logger.warn({ err: error }, 'event stream could not open');
              res.destroy();
            });
          },
        };
      },
    }),
  ];
}
