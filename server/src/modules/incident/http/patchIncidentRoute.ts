import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { idOrRefParam } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import { isUuid } from '../../trip/infrastructure/isUuid';
import type { ResolveIncidents } from '../application/ResolveIncidents';
import type { UpdateIncident } from '../application/UpdateIncident';
import { findIncident, type IncidentView } from '../infrastructure/incidentQueries';
import { incidentJson, incidentSchema } from './incidentRepresentation';

interface IncidentPatch {
  status?: 'acknowledged' | 'resolved';
  note?: string;
  notifyCustomers: boolean;
  message?: string;
}

/** What a change did, whichever use case made it. */
type Outcome = { incidentId: string; alerted: number; customersNotified: number };

export function patchIncidentRoute(container: Container): RouteDefinition {
  const db = container.get<Database>(TYPES.Database);
  const change = async (actor: Actor, id: string, body: IncidentPatch): Promise<Outcome> => {
    const target = isUuid(id) ? { incidentId: id } : { incidentRef: id };
    const { notifyCustomers, message, note } = body;
    if (body.status === 'resolved') {
      const result = await container
        .get<ResolveIncidents>(TYPES.ResolveIncidents)
        .execute({ actor, ...target, note, notifyCustomers, message });
      return { ...result, incidentId: result.resolved[0].id };
    }
    const result = await container.get<UpdateIncident>(TYPES.UpdateIncident).execute({
      actor,
      ...target,
      note,
      notifyCustomers,
      message,
      ...(body.status === 'acknowledged' ? { acknowledge: 'required' as const } : {}),
    });
    return { ...result, incidentId: result.incident.id };
  };
  return defineRoute<IncidentPatch, unknown, { id: string }>({
    method: 'patch',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'Acknowledge, add a progress note to, or resolve an incident',
    description: [
      '`note` alone is a progress update (operations, managers); `status: acknowledged` acknowledges an open incident (operations, managers); `status: resolved` resolves it (also the field staff of its trip), `note` being the resolution note.',
      'Every update goes to the guide who reported the incident; a resolution also to operations and managers. With `notifyCustomers`, `message` goes to every customer booked on the trip (incident_update template).',
    ].join('\n\n'),
    permission: ['resolve_incident', 'manage_incidents'],
    request: {
      params: idOrRefParam('INC-7'),
      // The condition sits on the object, not on `message`: a conditional key converts to an
      // untyped schema in the OpenAPI document, an object-level one to if/then.
      body: Joi.object({
        status: Joi.string().valid('acknowledged', 'resolved'),
        note: Joi.string().trim().max(1000),
        notifyCustomers: Joi.boolean().default(false),
        message: Joi.string().trim().min(1).max(1000).description('Required with `notifyCustomers: true`'),
      })
        .or('status', 'note')
        .when(Joi.object({ notifyCustomers: Joi.valid(true).required() }).unknown(), {
          then: Joi.object({ message: Joi.string().required() }),
        }),
    },
    responses: {
      200: {
        description: 'The incident after the change',
        schema: incidentSchema
          .keys({
            alerted: Joi.number().integer().required().description('Staff told of the update'),
            customersNotified: Joi.number().integer().required(),
          })
          .label('UpdatedIncident'),
      },
    },
    errors: [422],
    async handler({ actor, params: { id }, body }) {
      const outcome = await change(actor, id, body);
      const incident = (await findIncident(db, actor.tenantId, outcome.incidentId)) as IncidentView;
      return {
        status: 200,
        body: {
          ...incidentJson(incident),
          alerted: outcome.alerted,
          customersNotified: outcome.customersNotified,
        },
      };
    },
  });
}
