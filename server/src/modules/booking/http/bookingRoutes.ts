import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { normalizePhone } from '../../../shared/http/api/normalizePhone';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import {
  amountInput,
  currencyInput,
  idOrRefParam,
  pageOf,
  pageQuery,
  phoneInput,
} from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { ApproveQuote } from '../application/ApproveQuote';
import type { RecordPayment } from '../application/RecordPayment';
import type { SendPaymentLink } from '../application/SendPaymentLink';
import { findBooking, listBookings, type BookingFilters } from '../infrastructure/bookingQueries';
import {
  bookingJson,
  bookingSchema,
  paymentJson,
  paymentSchema,
  quoteJson,
  quoteSchema,
  refundJson,
  refundSchema,
} from './bookingRepresentation';
import { cancelBookingRoute } from './cancelBookingRoute';

type Id = { id: string };
const recorded = Joi.object({ payment: paymentSchema.required(), booking: bookingSchema.required() }).label(
  'RecordedPayment',
);

export function bookingRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const params = idOrRefParam('BK-12');
  const view = async (tenantId: string, id: string) => {
    const found = await findBooking(db, tenantId, id);
    if (!found) throw new NotFoundError('booking', id);
    return found;
  };
  return [
    defineRoute<unknown, unknown, Id>({
      method: 'post',
      path: '/quotes/:id/approve',
      tag: 'quotes',
      summary: 'Approve a quote waiting for approval; it is sent to the customer',
      permission: 'approve_quote',
      request: { params: idOrRefParam('Q-12') },
      responses: { 200: { description: 'The quote, now sent', schema: quoteSchema } },
      errors: [422],
      async handler({ actor, params: { id } }) {
        const quote = await container.get<ApproveQuote>(TYPES.ApproveQuote).execute({ actor, quoteId: id });
        return { status: 200, body: quoteJson(quote) };
      },
    }),
    defineRoute<unknown, PageRequest & BookingFilters>({
      method: 'get',
      path: '/bookings',
      tag: 'bookings',
      summary: 'Bookings of the tenant, newest first',
      permission: 'view_bookings',
      request: {
        query: Joi.object({
          ...pageQuery,
          status: Joi.string().valid('pending_payment', 'confirmed', 'cancelled'),
          phone: phoneInput(),
          tripCode: Joi.string().trim().max(32),
        }),
      },
      responses: { 200: { description: 'A page of bookings', schema: pageOf(bookingSchema, 'BookingPage') } },
      async handler({ actor, query }) {
        const phone = query.phone && (await normalizePhone(tenants, actor.tenantId, query.phone));
        const page = await listBookings(db, actor.tenantId, { ...query, phone }, query);
        return {
          status: 200,
          body: { ...page, data: page.data.map((v) => bookingJson(v.booking, v.tripCode)) },
        };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'get',
      path: '/bookings/:id',
      tag: 'bookings',
      summary: 'One booking with its payments, by uuid or ref',
      permission: 'view_bookings',
      request: { params },
      responses: {
        200: {
          description: 'The booking',
          schema: bookingSchema
            .keys({
              payments: Joi.array().items(paymentSchema).required(),
              refunds: Joi.array().items(refundSchema).required(),
            })
            .label('BookingWithPayments'),
        },
      },
      async handler({ actor, params: { id } }) {
        const { booking, tripCode, payments, refunds } = await view(actor.tenantId, id);
        return {
          status: 200,
          body: {
            ...bookingJson(booking, tripCode),
            payments: payments.map(paymentJson),
            refunds: refunds.map(refundJson),
          },
        };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'post',
      path: '/bookings/:id/payment-link',
      tag: 'bookings',
      summary: 'Send the customer the payment link of a booking pending payment',
      permission: 'send_payment_link',
      request: { params },
      responses: { 202: { description: 'The link is queued for the customer', schema: bookingSchema } },
      errors: [422],
      async handler({ actor, params: { id } }) {
        await container.get<SendPaymentLink>(TYPES.SendPaymentLink).execute({ actor, bookingId: id });
        const { booking, tripCode } = await view(actor.tenantId, id);
        return { status: 202, body: bookingJson(booking, tripCode) };
      },
    }),
    defineRoute<{ amount: string | number; currency: string; reference: string }, unknown, Id>({
      method: 'post',
      path: '/bookings/:id/payments',
      tag: 'bookings',
      summary: 'Record a payment; once payments cover the amount the booking is confirmed',
      description: 'Idempotent on `reference`: recording it again answers 200 and changes nothing.',
      permission: 'record_payment',
      request: {
        params,
        body: Joi.object({
          amount: amountInput().required(),
          currency: currencyInput().required(),
          reference: Joi.string().trim().min(1).max(200).required(),
        }),
      },
      responses: {
        201: { description: 'Recorded', schema: recorded },
        200: { description: 'This reference was already recorded: nothing changed', schema: recorded },
      },
      errors: [409, 422],
      async handler({ actor, params: { id }, body }) {
        const result = await container
          .get<RecordPayment>(TYPES.RecordPayment)
          .execute({ actor, bookingId: id, ...body });
        const { booking, tripCode } = await view(actor.tenantId, result.booking.id);
        return {
          status: result.created ? 201 : 200,
          body: { payment: paymentJson(result.payment), booking: bookingJson(booking, tripCode) },
        };
      },
    }),
    cancelBookingRoute(container),
  ];
}
