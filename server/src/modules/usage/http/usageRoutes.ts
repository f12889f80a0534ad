import type { Container } from 'inversify';
import Joi from 'joi';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { ClickToChatLink } from '../application/ClickToChatLink';
import type { GetUsage } from '../application/GetUsage';
import { QR_FORMATS, type QrCodes, type QrFormat } from '../domain/ClickToChat';
import { COUNTERS, FEATURES } from '../domain/Plans';

const count = () => Joi.number().integer().min(0);
const money = () => Joi.number().min(0);

const usageSchema = Joi.object({
  plan: Joi.string().required(),
  timezone: Joi.string().required().description('IANA zone; periods are its calendar months'),
  period: Joi.object({
    start: Joi.string().required().description('First day of the period, YYYY-MM-DD'),
    end: Joi.string().required().description('First day of the next period (when counters reset)'),
  })
    .required()
    .label('UsagePeriod'),
  features: Joi.array()
    .items(Joi.string().valid(...FEATURES))
    .required(),
  counters: Joi.array()
    .items(
      Joi.object({
        counter: Joi.string()
          .valid(...COUNTERS)
          .required(),
        used: count().required(),
        limit: nullable(count()).description('null: unlimited'),
      }).label('UsageCounter'),
    )
    .required(),
  billable: Joi.array()
    .items(
      Joi.object({
        category: Joi.string().required().description("Meta's pricing.category: marketing, utility, …"),
        messages: count().required(),
        unitPrice: nullable(money()),
        cost: nullable(money()),
      }).label('BillableCategory'),
    )
    .required(),
  estimatedCost: nullable(
    Joi.object({ currency: nullable(Joi.string()), total: money().required() }).label('EstimatedCost'),
  ).description('null unless prices are set (PUT /settings/pricing)'),
}).label('Usage');

const linkSchema = Joi.object({
  url: Joi.string().required().description('The wa.me link (HTTPS): wa.me/<digits>?text=<urlencoded>'),
  phone: Joi.string().required().description('The number it opens a chat with, digits'),
}).label('ClickToChat');

export function usageRoutes(container: Container): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/usage',
      tag: 'usage',
      summary: 'This month’s usage against the plan, billable messages per Meta category and their cost',
      description:
        'Counters: `messages` (every message to a customer the provider accepts or still has to send; staff alerts and login codes excluded) and `ai_conversations` (one per conversation per 24-hour span). `billable` counts each message once from Meta’s status webhooks (`pricing.category`, `pricing.billable`). `estimatedCost` multiplies them by the prices of PUT /settings/pricing.',
      permission: 'view_usage',
      responses: { 200: { description: 'The usage of the current period', schema: usageSchema } },
      async handler({ actor }) {
        return { status: 200, body: await container.get<GetUsage>(TYPES.GetUsage).execute(actor) };
      },
    }),
    defineRoute<unknown, { text?: string; format: QrFormat }>({
      method: 'get',
      path: '/click-to-chat',
      tag: 'usage',
      summary: 'The tenant’s click-to-chat link (wa.me), or its QR code as SVG or PNG',
      description:
        'Needs only the tenant’s number (its connection’s display number, or the number it was added with; a `console` connection is a number without an API) and the plan’s `click_to_chat` (403 PLAN_FEATURE). 422 NO_PHONE_NUMBER without a number. `format=svg` answers `image/svg+xml`, `format=png` `image/png` (512 px).',
      permission: 'manage_conversations',
      request: {
        query: Joi.object({
          text: Joi.string().max(1000).allow('').description('The message typed in for the customer'),
          format: Joi.string()
            .valid(...QR_FORMATS)
            .default('json'),
        }),
      },
      responses: {
        200: { description: 'The link (JSON), or its QR code (format=svg|png)', schema: linkSchema },
      },
      errors: [422],
      async handler({ actor, query }) {
        const link = await container
          .get<ClickToChatLink>(TYPES.ClickToChatLink)
          .execute(actor.tenantId, query.text);
        const qr = container.get<QrCodes>(TYPES.QrCodes);
        if (query.format === 'svg')
          return { status: 200, bytes: Buffer.from(await qr.svg(link.url)), contentType: 'image/svg+xml' };
        if (query.format === 'png')
          return { status: 200, bytes: await qr.png(link.url), contentType: 'image/png' };
        return { status: 200, body: link };
      },
    }),
  ];
}
