import Joi from 'joi';
import { nullable, timestamp } from '../../../shared/http/api/schemas';
import { CUSTOMER_LANGUAGES } from '../domain/detectLanguage';
import type { ContactView } from '../infrastructure/contactQueries';

export const contactSchema = Joi.object({
  phone: Joi.string().required().description('E.164, or the business-scoped user id'),
  name: nullable(Joi.string()),
  language: nullable(Joi.string().valid(...CUSTOMER_LANGUAGES)).description(
    'Automatic replies go in it (else the tenant’s language)',
  ),
  languageSource: nullable(Joi.string().valid('staff', 'detected')),
  tags: Joi.array().items(Joi.string()).required(),
  notes: nullable(Joi.string()),
  optIn: nullable(Joi.string()).description('opted_in, opted_out, or null when never recorded'),
  lastSeenAt: nullable(timestamp()),
  counts: Joi.object({
    conversations: Joi.number().integer().required(),
    leads: Joi.number().integer().required(),
    bookings: Joi.number().integer().required(),
  }).required(),
  createdAt: timestamp().required(),
}).label('Contact');

export const contactJson = (c: ContactView) => ({
  phone: c.phone,
  name: c.name ?? null,
  language: c.language ?? null,
  languageSource: c.languageSource ?? null,
  tags: c.tags,
  notes: c.notes ?? null,
  optIn: c.optIn ?? null,
  lastSeenAt: c.lastSeenAt ?? null,
  counts: c.counts,
  createdAt: c.createdAt,
});
