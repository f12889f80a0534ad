import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { amountInput, idOrRefParam, nullable } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { CancelBooking } from '../application/CancelBooking';
import { findBooking } from '../infrastructure/bookingQueries';
import { bookingJson, bookingSchema, refundJson, refundSchema } from './bookingRepresentation';

export function cancelBookingRoute(container: Container): RouteDefinition {
  const db = container.get<Database>(TYPES.Database);
  return defineRoute<{ reason: string; refundAmount?: string | number }, unknown, { id: string }>({
    method: 'post',
    path: '/bookings/:id/cancel',
    tag: 'bookings',
    summary: 'Cancel a booking, recording a refund; the customer is told (booking_cancelled)',
    description:
      'Pending or confirmed bookings may be cancelled once (422 `BOOKING_CANCELLED` after that). `refundAmount`, in the booking’s currency, may not exceed what was paid (422 `REFUND_EXCEEDS_PAID`); it is recorded, not paid out.',
    permission: 'cancel_booking',
    request: {
      params: idOrRefParam('BK-12'),
      body: Joi.object({
        reason: Joi.string().trim().min(1).max(500).required(),
        refundAmount: amountInput(),
      }),
    },
    responses: {
      200: {
        description: 'The cancelled booking and its refund',
        schema: Joi.object({ booking: bookingSchema.required(), refund: nullable(refundSchema) }).label(
          'CancelledBooking',
        ),
      },
    },
    errors: [422],
    async handler({ actor, params: { id }, body }) {
      const result = await container
        .get<CancelBooking>(TYPES.CancelBooking)
        .execute({ actor, bookingId: id, ...body });
      const view = await findBooking(db, actor.tenantId, result.booking.id);
      return {
        status: 200,
        body: {
          booking: bookingJson(view!.booking, view!.tripCode),
          refund: result.refund ? refundJson(result.refund) : null,
        },
      };
    },
  });
}
