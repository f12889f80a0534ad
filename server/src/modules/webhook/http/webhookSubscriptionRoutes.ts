import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, pageOf, pageQuery, timestamp, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { actorLabel } from '../../identity/domain/Actor';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { EVENT_TYPES, type EventType } from '../../events/domain/DomainEvent';
import type { CreateWebhookSubscription } from '../application/CreateWebhookSubscription';
import type { UpdateWebhookSubscription } from '../application/UpdateWebhookSubscription';
import type { WebhookSubscription } from '../domain/WebhookSubscription';
import type { KnexWebhookSubscriptions } from '../infrastructure/KnexWebhookSubscriptions';
import { listDeliveries, listSubscriptions } from '../infrastructure/webhookQueries';

const subscriptionSchema = Joi.object({
  id: uuid().required(),
  url: Joi.string().required(),
  events: Joi.array()
    .items(Joi.string().valid(...EVENT_TYPES))
    .required(),
  status: Joi.string().valid('active', 'disabled').required(),
  failingSince: nullable(timestamp()),
  disabledAt: nullable(timestamp()),
  disabledReason: nullable(Joi.string()),
  createdAt: timestamp().required(),
}).label('WebhookSubscription');
const createdSchema = subscriptionSchema
  .keys({ secret: Joi.string().required().description('whsec_…: shown this once') })
  .label('NewWebhookSubscription');
const deliverySchema = Joi.object({
  id: uuid().required().description('The webhook-id header'),
  eventId: Joi.string().required(),
  eventType: Joi.string().required(),
  status: Joi.string().valid('pending', 'delivered', 'failed').required(),
  attempts: Joi.number().integer().required(),
  responseStatus: nullable(Joi.number().integer()),
  error: nullable(Joi.string()),
  lastAttemptAt: nullable(timestamp()),
  nextAttemptAt: nullable(timestamp()),
  deliveredAt: nullable(timestamp()),
  createdAt: timestamp().required(),
}).label('WebhookDelivery');

const subscriptionJson = (s: WebhookSubscription) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  status: s.status,
  failingSince: s.failingSince ?? null,
  disabledAt: s.disabledAt ?? null,
  disabledReason: s.disabledReason ?? null,
  createdAt: s.createdAt,
});

const targetUrl = () =>
  Joi.string()
    .uri({ scheme: ['https', 'http'] })
    .max(2000);
const eventList = () =>
  Joi.array()
    .items(Joi.string().valid(...EVENT_TYPES))
    .min(1);

type Id = { id: string };
const params = Joi.object({ id: uuid().required() });

/** SPEC §18, managers only: outbound webhooks following the Standard Webhooks convention. */
export function webhookSubscriptionRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const subscriptions = container.get<KnexWebhookSubscriptions>(TYPES.WebhookSubscriptions);
  const tag = 'webhook subscriptions';
  return [
    defineRoute<unknown, PageRequest>({
      method: 'get',
      path: '/webhook-subscriptions',
      tag,
      summary: 'The tenant’s webhook subscriptions',
      permission: 'manage_users',
      request: { query: Joi.object(pageQuery) },
      responses: {
        200: { description: 'A page', schema: pageOf(subscriptionSchema, 'WebhookSubscriptionPage') },
      },
      async handler({ actor, query }) {
        const page = await listSubscriptions(db, actor.tenantId, query);
        return { status: 200, body: { ...page, data: page.data.map(subscriptionJson) } };
      },
    }),
    defineRoute<{ url: string; events: EventType[] }>({
      method: 'post',
      path: '/webhook-subscriptions',
      tag,
      summary: 'Subscribe a URL to event types; the signing secret is shown once',
      description:
        'Each delivery is a POST of `{ id, type, occurredAt, data }` with `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (Standard Webhooks). Retried with exponential backoff for 24 hours, in order, at least once; disabled after 3 days of failures. Loopback, private and link-local targets are refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true.',
      permission: 'manage_users',
      request: {
        body: Joi.object({ url: targetUrl().required(), events: eventList().required() }),
      },
      responses: { 201: { description: 'The subscription and its secret', schema: createdSchema } },
      async handler({ actor, body }) {
        const created = await container
          .get<CreateWebhookSubscription>(TYPES.CreateWebhookSubscription)
          .execute({ actor, ...body });
        return { status: 201, body: { ...subscriptionJson(created), secret: created.secret } };
      },
    }),
    defineRoute<{ url?: string; events?: EventType[]; status?: WebhookSubscription['status'] }, unknown, Id>({
      method: 'patch',
      path: '/webhook-subscriptions/:id',
      tag,
      summary: 'Change the URL or events, or turn a subscription off or back on',
      description:
        '`status: "disabled"` stops deliveries (those being retried are given up); `"active"` turns a disabled subscription back on: it receives what happens from then on, like a new one. The signing secret stays the same.',
      permission: 'manage_users',
      request: {
        params,
        body: Joi.object({
          url: targetUrl(),
          events: eventList(),
          status: Joi.string().valid('active', 'disabled'),
        }).min(1),
      },
      responses: { 200: { description: 'The subscription', schema: subscriptionSchema } },
      async handler({ actor, params: { id }, body }) {
        const updated = await container
          .get<UpdateWebhookSubscription>(TYPES.UpdateWebhookSubscription)
          .execute({ actor, id, ...body });
        return { status: 200, body: subscriptionJson(updated) };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'delete',
      path: '/webhook-subscriptions/:id',
      tag,
      summary: 'Unsubscribe (nothing more is delivered)',
      permission: 'manage_users',
      request: { params },
      responses: { 204: { description: 'Removed' } },
      async handler({ actor, params: { id } }) {
        if (!(await subscriptions.remove(actor.tenantId, id)))
          throw new NotFoundError('webhook subscription', id);
        await container.get<AuditLog>(TYPES.AuditLog).record({
          tenantId: actor.tenantId,
          actor: actorLabel(actor),
          action: 'WEBHOOK_SUBSCRIPTION_DELETED',
          entityType: 'webhook_subscription',
          entityId: id,
        });
        return { status: 204 };
      },
    }),
    defineRoute<unknown, PageRequest, Id>({
      method: 'get',
      path: '/webhook-subscriptions/:id/deliveries',
      tag,
      summary: 'Deliveries of a subscription, newest first, with their attempts and last answer',
      permission: 'manage_users',
      request: { params, query: Joi.object(pageQuery) },
      responses: { 200: { description: 'A page', schema: pageOf(deliverySchema, 'WebhookDeliveryPage') } },
      async handler({ actor, params: { id }, query }) {
        if (!(await subscriptions.find(actor.tenantId, id)))
          throw new NotFoundError('webhook subscription', id);
        return { status: 200, body: await listDeliveries(db, actor.tenantId, id, query) };
      },
    }),
  ];
}
