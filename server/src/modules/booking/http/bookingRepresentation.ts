import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import type { Booking } from '../domain/Booking';
import type { Payment } from '../domain/Payment';
import type { Quote } from '../domain/Quote';
import type { Refund } from '../domain/Refund';

const money = {
  amount: Joi.string()
    .pattern(/^\d+\.\d{2}$/)
    .required()
    .description('Decimal with two places, e.g. "1500.00"'),
  currency: Joi.string().length(3).required().description('ISO 4217'),
};

export const quoteSchema = Joi.object({
  id: uuid().required(),
  ref: Joi.string().required().description('Q-<n>'),
  leadId: uuid().required(),
  ...money,
  description: Joi.string().required(),
  status: Joi.string().valid('pending_approval', 'sent').required(),
  createdBy: nullable(uuid()),
  approvedBy: nullable(uuid()),
  approvedAt: nullable(timestamp()),
  sentAt: nullable(timestamp()),
  createdAt: timestamp().required(),
}).label('Quote');

export const quoteJson = (q: Quote) => ({
  id: q.id,
  ref: q.ref,
  leadId: q.leadId,
  amount: q.amount,
  currency: q.currency,
  description: q.description,
  status: q.status,
  createdBy: q.createdBy ?? null,
  approvedBy: q.approvedBy ?? null,
  approvedAt: q.approvedAt ?? null,
  sentAt: q.sentAt ?? null,
  createdAt: q.createdAt,
});

export const bookingSchema = Joi.object({
  id: uuid().required(),
  ref: Joi.string().required().description('BK-<n>'),
  leadId: nullable(uuid()),
  tripId: nullable(uuid()),
  tripCode: nullable(Joi.string()),
  customerPhone: Joi.string().required(),
  customerName: nullable(Joi.string()),
  partySize: Joi.number().integer().required(),
  ...money,
  status: Joi.string().valid('pending_payment', 'confirmed', 'cancelled').required(),
  confirmedAt: nullable(timestamp()),
  cancelledAt: nullable(timestamp()),
  cancellationReason: nullable(Joi.string()),
  createdAt: timestamp().required(),
}).label('Booking');

export const bookingJson = (b: Booking, tripCode?: string) => ({
  id: b.id,
  ref: b.ref,
  leadId: b.leadId ?? null,
  tripId: b.tripId ?? null,
  tripCode: tripCode ?? null,
  customerPhone: b.customerPhone,
  customerName: b.customerName ?? null,
  partySize: b.partySize,
  amount: b.amount,
  currency: b.currency,
  status: b.status,
  confirmedAt: b.confirmedAt ?? null,
  cancelledAt: b.cancelledAt ?? null,
  cancellationReason: b.cancellationReason ?? null,
  createdAt: b.createdAt,
});

export const paymentSchema = Joi.object({
  id: uuid().required(),
  bookingId: uuid().required(),
  ...money,
  reference: Joi.string().required(),
  recordedBy: nullable(uuid()),
  provider: nullable(Joi.string().valid('mercadopago', 'generic')).description(
    'Set when a payment provider’s webhook recorded it',
  ),
  providerPaymentId: nullable(Joi.string()),
  receivedAt: timestamp().required(),
}).label('Payment');

export const paymentJson = (p: Payment) => ({
  id: p.id,
  bookingId: p.bookingId,
  amount: p.amount,
  currency: p.currency,
  reference: p.reference,
  recordedBy: p.recordedBy ?? null,
  provider: p.provider ?? null,
  providerPaymentId: p.providerPaymentId ?? null,
  receivedAt: p.receivedAt,
});

export const refundSchema = Joi.object({
  id: uuid().required(),
  bookingId: uuid().required(),
  ...money,
  reason: Joi.string().required(),
  recordedBy: nullable(uuid()),
  createdAt: timestamp().required(),
}).label('Refund');

export const refundJson = (r: Refund) => ({
  id: r.id,
  bookingId: r.bookingId,
  amount: r.amount,
  currency: r.currency,
  reason: r.reason,
  recordedBy: r.recordedBy ?? null,
  createdAt: r.createdAt,
});
