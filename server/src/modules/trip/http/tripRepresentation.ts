import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import { ROLES } from '../../identity/domain/Role';
import { UNRESOLVED } from '../../incident/domain/Incident';
import type { TripStatus } from '../application/GetTripStatus';
import type { Trip } from '../domain/Trip';

const day = () =>
  Joi.string()
    .pattern(/^\d{4}-\d{2}-\d{2}$/)
    .description('YYYY-MM-DD');

export const tripSchema = Joi.object({
  id: uuid().required(),
  code: Joi.string().required(),
  name: Joi.string().required(),
  departureDate: day().required(),
  status: Joi.string().required(),
  createdAt: timestamp().required(),
}).label('Trip');

export const tripJson = (t: Trip) => ({
  id: t.id,
  code: t.code,
  name: t.name,
  departureDate: t.departureDate,
  status: t.status,
  createdAt: t.createdAt,
});

export const staffSchema = Joi.object({
  id: uuid().required(),
  name: Joi.string().required(),
  role: Joi.string()
    .valid(...ROLES)
    .required(),
}).label('AssignedStaff');

export const tripStatusSchema = Joi.object({
  id: uuid().required(),
  code: Joi.string().required(),
  name: Joi.string().required(),
  departureDate: day().required(),
  assignedStaff: Joi.array().items(staffSchema).required(),
  openIncidents: Joi.array()
    .items(
      Joi.object({
        ref: Joi.string().required(),
        description: Joi.string().required(),
        status: Joi.string()
          .valid(...UNRESOLVED)
          .required()
          .description('An acknowledged incident is still open until it is resolved'),
        reportedAt: timestamp().required(),
        acknowledged: nullable(
          Joi.object({
            by: nullable(Joi.string()).description('The staff member’s name; null when unknown'),
            at: timestamp().required(),
          }),
        ).description('When it was acknowledged and by whom; null while open'),
      }).label('OpenIncident'),
    )
    .required(),
  lastCheckIn: nullable(
    Joi.object({ by: Joi.string().required(), at: timestamp().required(), note: nullable(Joi.string()) }),
  ),
}).label('TripStatus');

export const tripStatusJson = (s: TripStatus) => ({
  ...s,
  openIncidents: s.openIncidents.map((i) => ({
    ...i,
    acknowledged: i.acknowledged ? { by: i.acknowledged.by ?? null, at: i.acknowledged.at } : null,
  })),
  lastCheckIn: s.lastCheckIn ? { ...s.lastCheckIn, note: s.lastCheckIn.note ?? null } : null,
});
