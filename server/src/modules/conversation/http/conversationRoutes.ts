import type { Container } from 'inversify';
import Joi from 'joi';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { normalizePhone } from '../../../shared/http/api/normalizePhone';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, phoneInput, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { messageJson, messageSchema } from '../../message/http/messageRepresentation';
import { listConversationMessages } from '../../message/infrastructure/messageQueries';
import type { UpdateConversation } from '../application/UpdateConversation';
import {
  findConversation,
  listConversations,
  type ConversationFilters,
} from '../infrastructure/conversationQueries';
import { conversationJson, conversationSchema } from './conversationRepresentation';

type Id = { id: string };
const params = Joi.object({ id: uuid().required() });

export function conversationRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const clock = container.get<Clock>(TYPES.Clock);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const existing = async (tenantId: string, id: string) => {
    const conversation = await findConversation(db, tenantId, id);
    if (!conversation) throw new NotFoundError('conversation', id);
    return conversation;
  };
  return [
    defineRoute<unknown, PageRequest & ConversationFilters>({
      method: 'get',
      path: '/conversations',
      tag: 'conversations',
      summary: 'Conversations, newest first, with their 24-hour window',
      permission: 'manage_conversations',
      request: {
        query: Joi.object({
          ...pageQuery,
          status: Joi.string().valid('active', 'expired', 'closed'),
          phone: phoneInput(),
          assignedTo: uuid(),
        }),
      },
      responses: {
        200: {
          description: 'A page of conversations',
          schema: pageOf(conversationSchema, 'ConversationPage'),
        },
      },
      async handler({ actor, query }) {
        const phone = query.phone && (await normalizePhone(tenants, actor.tenantId, query.phone));
        const page = await listConversations(db, actor.tenantId, { ...query, phone }, query);
        const now = clock.now();
        return { status: 200, body: { ...page, data: page.data.map((c) => conversationJson(c, now)) } };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'get',
      path: '/conversations/:id',
      tag: 'conversations',
      summary: 'One conversation',
      permission: 'manage_conversations',
      request: { params },
      responses: { 200: { description: 'The conversation', schema: conversationSchema } },
      async handler({ actor, params: { id } }) {
        return { status: 200, body: conversationJson(await existing(actor.tenantId, id), clock.now()) };
      },
    }),
    defineRoute<{ assignedTo?: string | null; status?: 'closed'; read?: boolean }, unknown, Id>({
      method: 'patch',
      path: '/conversations/:id',
      tag: 'conversations',
      summary: 'Assign (or unassign with null), close, or mark a conversation read',
      permission: 'manage_conversations',
      request: {
        params,
        body: Joi.object({
          assignedTo: uuid().allow(null),
          status: Joi.string().valid('closed'),
          read: Joi.boolean().valid(true),
        }).min(1),
      },
      responses: { 200: { description: 'The conversation', schema: conversationSchema } },
      errors: [422],
      async handler({ actor, params: { id }, body }) {
        await container
          .get<UpdateConversation>(TYPES.UpdateConversation)
          .execute({ actor, conversationId: id, ...body });
        return { status: 200, body: conversationJson(await existing(actor.tenantId, id), clock.now()) };
      },
    }),
    defineRoute<unknown, PageRequest, Id>({
      method: 'get',
      path: '/conversations/:id/messages',
      tag: 'conversations',
      summary: 'Messages of a conversation, newest first',
      permission: 'manage_conversations',
      request: { params, query: Joi.object(pageQuery) },
      responses: { 200: { description: 'A page of messages', schema: pageOf(messageSchema, 'MessagePage') } },
      async handler({ actor, params: { id }, query }) {
        await existing(actor.tenantId, id);
        const page = await listConversationMessages(db, actor.tenantId, id, query);
        return { status: 200, body: { ...page, data: page.data.map(messageJson) } };
      },
    }),
  ];
}
