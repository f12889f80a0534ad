import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { normalizePhone } from '../../../shared/http/api/normalizePhone';
import type { RetryMessage } from '../application/RetryMessage';
import type { QueuedMessage, SendStaffMessage, StaffMessage } from '../application/SendStaffMessage';
import { findConversation } from '../../conversation/infrastructure/conversationQueries';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, phoneInput, timestampInput, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { findMessage, listMessages, type MessageFilters } from '../infrastructure/messageQueries';
import { MESSAGE_STATUSES } from '../domain/MessageStatus';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { messageJson, messageSchema } from './messageRepresentation';
import { oneKind, SEND_KINDS } from './sendBodySchema';

export const queuedSchema = Joi.object({
  id: uuid().required(),
  to: Joi.string().required(),
  type: Joi.string().required(),
  status: Joi.string().valid('queued').required(),
}).label('QueuedMessage');

const SEND_DESCRIPTION =
  'Exactly one of `text`, `template`, `media`, `sticker`, `interactive` (reply buttons ≤ 3, a list of ≤ 10 rows in all, or a `cta_url` button), `location`, `contacts` (1–5 cards) or `reaction` (`{ messageId, emoji }`, our id of a message of the same customer). Everything but a template is a session message: only while the customer’s 24-hour window is open. Limits WhatsApp sets (lengths in characters, unique button titles and ids, rows in all) are 400 naming the field. WhatsApp’s rules are checked before queueing: free text outside the 24-hour window is 422 WINDOW_CLOSED, an opted-out recipient 409 OPTED_OUT, a template that is not approved 422 TEMPLATE_NOT_APPROVED, template values that do not fit the stored template (body `params` count, `header` kind, `buttons` by index) 422 TEMPLATE_PARAMS with `fields` naming each, a MARKETING template to a customer who stopped marketing messages 409 MARKETING_OPTED_OUT, a `media.id`, `sticker.id` or `template.header.id` in our format that is not a stored upload 422 MEDIA_NOT_FOUND, a kind the tenant’s provider cannot carry (Twilio: anything but text and media by link) 422 UNSUPPORTED_BY_PROVIDER naming the field, a reaction to a message of another customer or one not yet on WhatsApp 422 REACTION_TARGET. Uploaded media is uploaded to the provider when the message is sent and goes by the provider’s media id.';

export function messageRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const send = (actor: Actor, message: StaffMessage): Promise<QueuedMessage> =>
    container.get<SendStaffMessage>(TYPES.SendStaffMessage).execute(actor, message);
  return [
    defineRoute<unknown, PageRequest & MessageFilters>({
      method: 'get',
      path: '/messages',
      tag: 'messages',
      summary: 'Messages of the tenant, newest first (staff alerts included)',
      permission: 'manage_conversations',
      request: {
        query: Joi.object({
          ...pageQuery,
          conversationId: uuid(),
          phone: phoneInput(),
          direction: Joi.string().valid('INBOUND', 'OUTBOUND'),
          status: Joi.string().valid(...MESSAGE_STATUSES),
          since: timestampInput().description('Only messages created at or after this time'),
        }),
      },
      responses: { 200: { description: 'A page of messages', schema: pageOf(messageSchema, 'MessageList') } },
      async handler({ actor, query }) {
        const phone = query.phone && (await normalizePhone(tenants, actor.tenantId, query.phone));
        const page = await listMessages(db, actor.tenantId, { ...query, phone }, query);
        return { status: 200, body: { ...page, data: page.data.map(messageJson) } };
      },
    }),
    defineRoute<Omit<StaffMessage, 'to'> & { to: string }>({
      method: 'post',
      path: '/messages',
      tag: 'messages',
      summary:
        'Send a message: text, an approved template, media, a sticker, an interactive message, a location, contacts or a reaction',
      description: SEND_DESCRIPTION,
      permission: 'manage_conversations',
      request: { body: oneKind(Joi.object({ to: phoneInput().required(), ...SEND_KINDS })) },
      responses: { 202: { description: 'Queued', schema: queuedSchema } },
      errors: [409, 422],
      async handler({ actor, body }) {
        const to = await normalizePhone(tenants, actor.tenantId, body.to, 'to', 'body');
        return { status: 202, body: await send(actor, { ...body, to }) };
      },
    }),
    defineRoute<Omit<StaffMessage, 'to'>, unknown, { id: string }>({
      method: 'post',
      path: '/conversations/:id/messages',
      tag: 'conversations',
      summary: 'Send a message to the conversation’s customer',
      description: SEND_DESCRIPTION,
      permission: 'manage_conversations',
      request: { params: Joi.object({ id: uuid().required() }), body: oneKind(Joi.object(SEND_KINDS)) },
      responses: { 202: { description: 'Queued', schema: queuedSchema } },
      errors: [409, 422],
      async handler({ actor, params: { id }, body }) {
        const conversation = await findConversation(db, actor.tenantId, id);
        if (!conversation) throw new NotFoundError('conversation', id);
        return { status: 202, body: await send(actor, { ...body, to: conversation.customerPhone }) };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'post',
      path: '/messages/:id/retry',
      tag: 'messages',
      summary: 'Send a failed message again as a new attempt',
      permission: 'manage_conversations',
      request: { params: Joi.object({ id: uuid().required() }) },
      responses: { 202: { description: 'Queued again', schema: queuedSchema } },
      errors: [409, 422],
      async handler({ actor, params: { id } }) {
        return {
          status: 202,
          body: await container.get<RetryMessage>(TYPES.RetryMessage).execute(actor, id),
        };
      },
    }),
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
