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
import { messageFileSchema } from '../../media/http/messageFileSchema';
import { filesOfMessages } from '../../media/infrastructure/messageFiles';
import { messageJson, messageSchema } from '../../message/http/messageRepresentation';
import { listConversationMessages } from '../../message/infrastructure/messageQueries';
import type { ShowTypingIndicator } from '../application/ShowTypingIndicator';
import type { UpdateConversation } from '../application/UpdateConversation';
import { PUBLIC_CONVERSATION_STATUSES, type HandlingStatus } from '../domain/Conversation';
import {
  findConversation,
  listConversations,
  type ConversationFilters,
} from '../infrastructure/conversationQueries';
import { conversationJson, conversationSchema } from './conversationRepresentation';

type Id = { id: string };
const conversationMessagePage = pageOf(
  messageSchema.keys({ file: messageFileSchema.allow(null).required() }).label('ConversationMessage'),
  'ConversationMessagePage',
);
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
      summary: 'Conversations, newest first, with their 24-hour window, last message and unread count',
      permission: 'manage_conversations',
      request: {
        query: Joi.object({
          ...pageQuery,
          status: Joi.string()
            .valid(...PUBLIC_CONVERSATION_STATUSES, 'active')
            .description('`open`, `closed`, `archived`, `spam`, `expired` (`active` is taken for `open`)'),
          phone: phoneInput(),
          assignedTo: Joi.alternatives(uuid(), Joi.string().valid('none')).description(
            'A staff user’s id (their conversations), or `none` (nobody’s yet)',
          ),
          q: Joi.string().trim().min(1).max(100).description('Customer name, phone or message text'),
          unread: Joi.boolean().valid(true).description('Only conversations with unread messages'),
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
    defineRoute<
      { assignedTo?: string | null; status?: HandlingStatus | 'open'; read?: boolean },
      unknown,
      Id
    >({
      method: 'patch',
      path: '/conversations/:id',
      tag: 'conversations',
      summary: 'Assign (or unassign with null), reopen, close, archive, mark as spam or mark read',
      description:
        '`read: true` sets the unread count to 0 and sends the customer the read receipt. `open` reopens an ended conversation (409 while the customer has another open one).',
      permission: 'manage_conversations',
      request: {
        params,
        body: Joi.object({
          assignedTo: uuid().allow(null),
          status: Joi.string().valid('open', 'active', 'closed', 'archived', 'spam'),
          read: Joi.boolean().valid(true),
        }).or('assignedTo', 'status', 'read'),
      },
      responses: { 200: { description: 'The conversation', schema: conversationSchema } },
      errors: [409, 422],
      async handler({ actor, params: { id }, body }) {
        const status = body.status === 'open' ? 'active' : body.status;
        await container
          .get<UpdateConversation>(TYPES.UpdateConversation)
          .execute({ actor, conversationId: id, ...body, status });
        return { status: 200, body: conversationJson(await existing(actor.tenantId, id), clock.now()) };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'post',
      path: '/conversations/:id/typing',
      tag: 'conversations',
      summary: 'Show the customer that staff are typing',
      description:
        "Meta: a read receipt with the typing indicator on the customer's latest message (shown up to 25 s or until the reply). `shown` is false where the provider has no indicator.",
      permission: 'manage_conversations',
      request: { params },
      responses: {
        202: {
          description: 'Asked for',
          schema: Joi.object({ shown: Joi.boolean().required() }).label('Typing'),
        },
      },
      errors: [422],
      async handler({ actor, params: { id } }) {
        const result = await container
          .get<ShowTypingIndicator>(TYPES.ShowTypingIndicator)
          .execute({ actor, conversationId: id });
        return { status: 202, body: result };
      },
    }),
    defineRoute<unknown, PageRequest, Id>({
      method: 'get',
      path: '/conversations/:id/messages',
      tag: 'conversations',
      summary: 'Messages of a conversation, newest first',
      permission: 'manage_conversations',
      request: { params, query: Joi.object(pageQuery) },
      description:
        'A message that carried media a customer sent has `file`: its stored copy (GET /media/:id), null otherwise.',
      responses: { 200: { description: 'A page of messages', schema: conversationMessagePage } },
      async handler({ actor, params: { id }, query }) {
        await existing(actor.tenantId, id);
        const page = await listConversationMessages(db, actor.tenantId, id, query);
        const files = await filesOfMessages(
          db,
          actor.tenantId,
          page.data.map((m) => m.id),
        );
        const data = page.data.map((m) => ({ ...messageJson(m), file: files.get(m.id) ?? null }));
        return { status: 200, body: { ...page, data } };
      },
    }),
  ];
}
