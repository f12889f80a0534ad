import type { Container } from 'inversify';
import Joi from 'joi';
import { decodeIdCursor, encodeIdCursor, PHONE_KEY } from '../../../shared/http/api/idCursor';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, pageOf, pageQuery, phoneInput, timestamp, uuid } from '../../../shared/http/api/schemas';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { TYPES } from '../../../types';
import type { AddBroadcastListMembers } from '../application/AddBroadcastListMembers';
import type { CreateBroadcastList } from '../application/CreateBroadcastList';
import type { GetBroadcast } from '../application/GetBroadcast';
import type { ListBroadcastLists } from '../application/ListBroadcastLists';
import type { SendBroadcast } from '../application/SendBroadcast';
import type { BroadcastList } from '../domain/BroadcastList';
import { PROGRESS_STATUSES } from '../domain/recipientProgress';
import { listBroadcasts } from '../infrastructure/broadcastQueries';
import type { TemplateCall } from '../../message/domain/OutboundRequest';
import { templateCallSchema } from '../../template/http/templateCallSchema';

const listSchema = Joi.object({
  id: uuid().required(),
  name: Joi.string().required(),
  memberCount: Joi.number().integer().required(),
  createdAt: timestamp().required(),
}).label('BroadcastList');
const listJson = (l: BroadcastList) => ({
  id: l.id,
  name: l.name,
  memberCount: l.memberCount,
  createdAt: l.createdAt,
});

const members = Joi.array()
  .items(Joi.object({ phone: phoneInput().required(), name: Joi.string().trim().max(200) }))
  .min(1)
  .max(10_000);
const count = () => Joi.number().integer().min(0).required();

const countsSchema = () =>
  Joi.object(Object.fromEntries([...PROGRESS_STATUSES, 'total'].map((s) => [s, count()])))
    .required()
    .label('BroadcastCounts');

const summarySchema = Joi.object({
  id: uuid().required(),
  template: Joi.object({ name: Joi.string().required(), language: Joi.string().required() }).required(),
  listId: nullable(uuid()),
  listName: nullable(Joi.string()).description('The list it went to, while the list exists'),
  tripId: nullable(uuid()),
  tripCode: nullable(Joi.string()).description('The trip whose customers it went to'),
  createdBy: nullable(Joi.string()),
  createdAt: timestamp().required(),
  counts: countsSchema(),
}).label('BroadcastSummary');

const broadcastSchema = Joi.object({
  id: uuid().required(),
  template: Joi.object({
    name: Joi.string(),
    language: Joi.string(),
    params: Joi.array(),
    header: Joi.object().unknown(true),
    buttons: Joi.array(),
  })
    .unknown(true)
    .required(),
  listId: nullable(uuid()),
  tripId: nullable(uuid()),
  createdBy: nullable(Joi.string()),
  createdAt: timestamp().required(),
  counts: countsSchema(),
  recipients: Joi.array()
    .items(
      Joi.object({
        phone: Joi.string().required(),
        status: Joi.string()
          .valid(...PROGRESS_STATUSES)
          .required(),
        reason: Joi.string(),
        messageId: Joi.string(),
        errorCode: Joi.string(),
        errorTitle: Joi.string(),
      }),
    )
    .required()
    .description('One page of recipients, by phone (`limit`, `cursor`)'),
  nextCursor: nullable(Joi.string()).description(
    'Pass as `cursor` for the next page of recipients; null on the last',
  ),
}).label('Broadcast');

type Members = { members: Array<{ phone: string; name?: string }> };

export function broadcastRoutes(container: Container): RouteDefinition[] {
  return [
    defineRoute<unknown, { limit: number; cursor?: string }>({
      method: 'get',
      path: '/broadcast-lists',
      tag: 'broadcasts',
      summary: 'Broadcast lists, by name',
      permission: 'broadcast',
      request: { query: Joi.object(pageQuery) },
      responses: { 200: { description: 'A page of lists', schema: pageOf(listSchema, 'BroadcastListPage') } },
      async handler({ actor, query }) {
        const page = await container
          .get<ListBroadcastLists>(TYPES.ListBroadcastLists)
          .execute({ actor, limit: query.limit, cursor: decodeIdCursor(query.cursor) });
        return {
          status: 200,
          body: { data: page.data.map(listJson), nextCursor: encodeIdCursor(page.nextCursor) },
        };
      },
    }),
    defineRoute<{ name: string; members?: Members['members'] }>({
      method: 'post',
      path: '/broadcast-lists',
      tag: 'broadcasts',
      summary: 'Create a named recipient list, optionally with members',
      permission: 'broadcast',
      request: { body: Joi.object({ name: Joi.string().trim().min(1).max(200).required(), members }) },
      responses: { 201: { description: 'The list', schema: listSchema } },
      errors: [409],
      async handler({ actor, body }) {
        const list = await container
          .get<CreateBroadcastList>(TYPES.CreateBroadcastList)
          .execute({ actor, ...body });
        return { status: 201, body: listJson(list) };
      },
    }),
    defineRoute<Members, unknown, { id: string }>({
      method: 'post',
      path: '/broadcast-lists/:id/members',
      tag: 'broadcasts',
      summary: 'Add members (phones in any format; duplicates are ignored)',
      permission: 'broadcast',
      request: {
        params: Joi.object({ id: uuid().required() }),
        body: Joi.object({ members: members.required() }),
      },
      responses: {
        200: {
          description: 'How many were added',
          schema: Joi.object({ listId: uuid().required(), added: count(), alreadyMembers: count() }).label(
            'BroadcastListMembersAdded',
          ),
        },
      },
      async handler({ actor, params: { id }, body }) {
        const result = await container
          .get<AddBroadcastListMembers>(TYPES.AddBroadcastListMembers)
          .execute({ actor, listId: id, members: body.members });
        return { status: 200, body: result };
      },
    }),
    defineRoute<{
      template: TemplateCall;
      listId?: string;
      tripCode?: string;
    }>({
      method: 'post',
      path: '/broadcasts',
      tag: 'broadcasts',
      summary: 'Send one approved template to a list or to a trip’s opted-in customers',
      description:
        'Recipients who have not opted in (or, for a MARKETING template, who stopped marketing messages) are recorded as skipped. 422 TEMPLATE_NOT_APPROVED when the template is not approved, 422 TEMPLATE_PARAMS (with `fields` naming each) when the header, body or button values do not fit it. Without a `language` the tenant’s is used, or another language the template is approved in (English first).',
      permission: 'broadcast',
      request: {
        body: Joi.object({
          template: templateCallSchema().required(),
          listId: uuid(),
          tripCode: Joi.string().trim().max(32),
        }).xor('listId', 'tripCode'),
      },
      responses: {
        202: {
          description: 'Queued',
          schema: Joi.object({ broadcastId: uuid().required(), queued: count(), skipped: count() }).label(
            'BroadcastQueued',
          ),
        },
      },
      errors: [404, 422],
      async handler({ actor, body }) {
        return {
          status: 202,
          body: await container.get<SendBroadcast>(TYPES.SendBroadcast).execute({ actor, ...body }),
        };
      },
    }),
    defineRoute<unknown, PageRequest>({
      method: 'get',
      path: '/broadcasts',
      tag: 'broadcasts',
      summary: 'Broadcasts sent, newest first, each with its progress counts',
      permission: 'broadcast',
      request: { query: Joi.object(pageQuery) },
      responses: {
        200: { description: 'A page of broadcasts', schema: pageOf(summarySchema, 'BroadcastPage') },
      },
      async handler({ actor, query }) {
        return {
          status: 200,
          body: await listBroadcasts(container.get<Database>(TYPES.Database), actor.tenantId, query),
        };
      },
    }),
    defineRoute<unknown, { limit: number; cursor?: string }, { id: string }>({
      method: 'get',
      path: '/broadcasts/:id',
      tag: 'broadcasts',
      summary:
        'A broadcast’s progress: counts by status, and a page of recipients (queued, sent, delivered, read, failed, skipped)',
      permission: 'broadcast',
      request: { params: Joi.object({ id: uuid().required() }), query: Joi.object(pageQuery) },
      responses: { 200: { description: 'The broadcast', schema: broadcastSchema } },
      async handler({ actor, params: { id }, query }) {
        const b = await container
          .get<GetBroadcast>(TYPES.GetBroadcast)
          .execute({ actor, id, limit: query.limit, after: decodeIdCursor(query.cursor, PHONE_KEY) });
        return {
          status: 200,
          body: {
            ...omitTenant(b),
            listId: b.listId ?? null,
            tripId: b.tripId ?? null,
            createdBy: b.createdBy ?? null,
            nextCursor: encodeIdCursor(b.nextCursor),
          },
        };
      },
    }),
  ];
}

const omitTenant = <T extends { tenantId: string }>({ tenantId: _tenantId, ...rest }: T) => rest;
