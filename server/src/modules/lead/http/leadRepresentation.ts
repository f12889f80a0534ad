import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import { LEAD_STATUSES, type Lead } from '../domain/Lead';

export const leadSchema = Joi.object({
  id: uuid().required(),
  ref: Joi.string().required().description('LD-<n>'),
  customerPhone: Joi.string().required(),
  customerName: nullable(Joi.string()),
  status: Joi.string()
    .valid(...LEAD_STATUSES)
    .required(),
  summary: nullable(Joi.string()),
  partySize: nullable(Joi.number().integer()),
  travelMonth: nullable(Joi.string()),
  assignedTo: nullable(uuid()),
  conversationId: nullable(uuid()),
  createdAt: timestamp().required(),
}).label('Lead');

export const leadJson = (l: Lead) => ({
  id: l.id,
  ref: l.ref,
  customerPhone: l.customerPhone,
  customerName: l.customerName ?? null,
  status: l.status,
  summary: l.summary ?? null,
  partySize: l.partySize ?? null,
  travelMonth: l.travelMonth ?? null,
  assignedTo: l.assignedTo ?? null,
  conversationId: l.conversationId ?? null,
  createdAt: l.createdAt,
});
