import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { findMessage } from '../infrastructure/messageQueries';
import { messageJson, messageSchema } from './messageRepresentation';

export function messageRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  return [
    defineRoute<unknown, unknown, { id: string }>({
      method: 'get',
      path: '/messages/:id',
      tag: 'messages',
      summary: 'A message with its current status, error code and title, and attempts',
      permission: ['manage_conversations', 'broadcast'],
      request: { params: Joi.object({ id: uuid().required() }) },
      responses: { 200: { description: 'The message', schema: messageSchema } },
      async handler({ actor, params: { id } }) {
        const message = await findMessage(db, actor.tenantId, id);
        if (!message) throw new NotFoundError('message', id);
        return { status: 200, body: messageJson(message) };
      },
    }),
  ];
}
