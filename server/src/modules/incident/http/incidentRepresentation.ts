import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import type { IncidentUpdate } from '../domain/IncidentUpdate';
import type { IncidentView } from '../infrastructure/incidentQueries';

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

/** The name of the staff member a uuid field names, for readers who may not list users. */
const nameOf = (field: string) =>
  nullable(Joi.string()).description(`The name of the user in \`${field}\`; null when there is none`);

export const incidentSchema = Joi.object({
  id: uuid().required(),
  ref: Joi.string().required().description('INC-<n>'),
  tripId: uuid().required(),
  tripCode: Joi.string().required(),
  reporterId: nullable(uuid()),
  reporterName: nameOf('reporterId'),
  description: Joi.string().required(),
  status: Joi.string()
    .valid(...INCIDENT_STATUSES)
    .required(),
  acknowledgedBy: nullable(uuid()),
  acknowledgedByName: nameOf('acknowledgedBy'),
  acknowledgedAt: nullable(timestamp()),
  resolutionNote: nullable(Joi.string()),
  resolvedBy: nullable(uuid()),
  resolvedByName: nameOf('resolvedBy'),
  resolvedAt: nullable(timestamp()),
  createdAt: timestamp().required(),
}).label('Incident');

export const incidentUpdateSchema = Joi.object({
  id: uuid().required(),
  kind: Joi.string().valid('note', 'acknowledged', 'resolved').required(),
  authorId: nullable(uuid()),
  authorName: nullable(Joi.string()),
  note: nullable(Joi.string()),
  customerMessage: nullable(Joi.string()),
  customersNotified: Joi.number().integer().required(),
  at: timestamp().required(),
}).label('IncidentUpdate');

export const incidentJson = (i: IncidentView) => ({
  ...i,
  reporterId: i.reporterId ?? null,
  reporterName: i.reporterName ?? null,
  acknowledgedBy: i.acknowledgedBy ?? null,
  acknowledgedByName: i.acknowledgedByName ?? null,
  acknowledgedAt: i.acknowledgedAt ?? null,
  resolutionNote: i.resolutionNote ?? null,
  resolvedBy: i.resolvedBy ?? null,
  resolvedByName: i.resolvedByName ?? null,
  resolvedAt: i.resolvedAt ?? null,
});

export const incidentUpdateJson = (u: IncidentUpdate) => ({
  id: u.id,
  kind: u.kind,
  authorId: u.authorId ?? null,
  authorName: u.authorName ?? null,
  note: u.note ?? null,
  customerMessage: u.customerMessage ?? null,
  customersNotified: u.customersNotified,
  at: u.at,
});
