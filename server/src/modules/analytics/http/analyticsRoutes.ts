import type { Container } from 'inversify';
import Joi from 'joi';
import type { Clock } from '../../../shared/clock/Clock';
import type { Database } from '../../../shared/db/Database';
import { ValidationError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, timestamp, timestampInput } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { analyticsSummary, type AnalyticsSummary } from '../infrastructure/analyticsSummaryQuery';

const DAY = 24 * 60 * 60 * 1000;
const MAX_RANGE_DAYS = 366;
const rate = nullable(Joi.number().min(0).max(1));
const count = () => Joi.number().integer().min(0).required();

const summarySchema = Joi.object({
  from: timestamp().required(),
  to: timestamp().required(),
  messages: Joi.object({
    sent: count(),
    received: count(),
    delivered: count(),
    read: count(),
    deliveryRate: rate.description('delivered (or read) / sent; null when nothing was sent'),
    readRate: rate.description('read / sent'),
  }).required(),
  firstResponse: Joi.object({
    medianSeconds: nullable(Joi.number().integer().min(0)).description(
      'Median time from a conversation’s first inbound message to the first staff message',
    ),
    respondedConversations: count(),
  }).required(),
  funnel: Joi.object({
    enquiries: count().description('Conversations opened by customers'),
    leads: count(),
    bookings: count(),
    enquiryToLead: rate,
    leadToBooking: rate,
  }).required(),
}).label('AnalyticsSummary');

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

const summaryJson = (s: AnalyticsSummary, from: Date, to: Date) => ({
  from,
  to,
  messages: {
    sent: s.sent,
    received: s.received,
    delivered: s.delivered,
    read: s.read,
    deliveryRate: ratio(s.delivered, s.sent),
    readRate: ratio(s.read, s.sent),
  },
  firstResponse: {
    medianSeconds: s.medianFirstResponseSeconds,
    respondedConversations: s.respondedConversations,
  },
  funnel: {
    enquiries: s.enquiries,
    leads: s.leads,
    bookings: s.bookings,
    enquiryToLead: ratio(s.leads, s.enquiries),
    leadToBooking: ratio(s.bookings, s.leads),
  },
});

export function analyticsRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const clock = container.get<Clock>(TYPES.Clock);
  return [
    defineRoute<unknown, { from?: Date; to?: Date }>({
      method: 'get',
      path: '/analytics/summary',
      tag: 'analytics',
      summary:
        'Messages sent/received, delivery and read rates, median first response, enquiries → leads → bookings',
      description: `\`from\` inclusive, \`to\` exclusive (ISO dates or timestamps); default: the last 30 days. At most ${MAX_RANGE_DAYS} days.`,
      permission: 'view_analytics',
      request: { query: Joi.object({ from: timestampInput(), to: timestampInput() }) },
      responses: { 200: { description: 'The summary', schema: summarySchema } },
      async handler({ actor, query }) {
        const to = query.to ?? clock.now();
        const from = query.from ?? new Date(to.getTime() - 30 * DAY);
        if (from >= to || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
          throw new ValidationError(`from must be before to, at most ${MAX_RANGE_DAYS} days apart`, [
            {
              field: 'from',
              message: `must be before to, at most ${MAX_RANGE_DAYS} days earlier`,
              in: 'query',
            },
          ]);
        const summary = await analyticsSummary(db, actor.tenantId, from, to);
        return { status: 200, body: summaryJson(summary, from, to) };
      },
    }),
  ];
}
