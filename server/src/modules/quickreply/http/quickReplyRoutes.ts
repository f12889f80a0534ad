import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, timestamp, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { ManageQuickReplies } from '../application/ManageQuickReplies';
import { MAX_TEXT, type QuickReply, type QuickReplyInput } from '../domain/QuickReply';
import { listQuickReplies } from '../infrastructure/quickReplyQueries';

const quickReplySchema = Joi.object({
  id: uuid().required(),
  shortcut: Joi.string().required().description('Typed after `/` in the composer'),
  text: Joi.string().required(),
  updatedBy: Joi.string().allow(null).required(),
  createdAt: timestamp().required(),
  updatedAt: timestamp().required(),
}).label('QuickReply');

const quickReplyJson = (r: QuickReply) => ({
  id: r.id,
  shortcut: r.shortcut,
  text: r.text,
  updatedBy: r.updatedBy ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const shortcut = () =>
  Joi.string().trim().max(33).description('Letters, digits, - and _ (a leading / is dropped); unique');
const text = () => Joi.string().max(MAX_TEXT).description('What is inserted in the reply');
const params = Joi.object({ id: uuid().required() });
type Id = { id: string };

/** Saved answers staff insert in the composer by typing `/shortcut`; shared by the tenant's staff. */
export function quickReplyRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const manage = () => container.get<ManageQuickReplies>(TYPES.ManageQuickReplies);
  const tag = 'quick replies';
  return [
    defineRoute<unknown, PageRequest & { q?: string }>({
      method: 'get',
      path: '/quick-replies',
      tag,
      summary: 'The tenant’s quick replies, newest first; `q` matches a shortcut’s start or the text',
      permission: 'manage_conversations',
      request: { query: Joi.object({ ...pageQuery, q: Joi.string().trim().max(100).allow('') }) },
      responses: { 200: { description: 'A page', schema: pageOf(quickReplySchema, 'QuickReplyPage') } },
      async handler({ actor, query }) {
        const page = await listQuickReplies(db, actor.tenantId, query);
        return { status: 200, body: { ...page, data: page.data.map(quickReplyJson) } };
      },
    }),
    defineRoute<QuickReplyInput>({
      method: 'post',
      path: '/quick-replies',
      tag,
      summary: 'Save a quick reply (audited); a shortcut already used is 409 QUICK_REPLY_EXISTS',
      permission: 'manage_conversations',
      request: { body: Joi.object({ shortcut: shortcut().required(), text: text().required() }) },
      responses: { 201: { description: 'The quick reply', schema: quickReplySchema } },
      errors: [409],
      async handler({ actor, body }) {
        return { status: 201, body: quickReplyJson(await manage().create(actor, body)) };
      },
    }),
    defineRoute<Partial<QuickReplyInput>, unknown, Id>({
      method: 'patch',
      path: '/quick-replies/:id',
      tag,
      summary: 'Change a quick reply’s shortcut or text (audited)',
      permission: 'manage_conversations',
      request: { params, body: Joi.object({ shortcut: shortcut(), text: text() }).min(1) },
      responses: { 200: { description: 'The quick reply', schema: quickReplySchema } },
      errors: [409],
      async handler({ actor, params: { id }, body }) {
        return { status: 200, body: quickReplyJson(await manage().update(actor, id, body)) };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'delete',
      path: '/quick-replies/:id',
      tag,
      summary: 'Delete a quick reply (audited)',
      permission: 'manage_conversations',
      request: { params },
      responses: { 204: { description: 'Deleted' } },
      async handler({ actor, params: { id } }) {
        await manage().remove(actor, id);
        return { status: 204 };
      },
    }),
  ];
}
