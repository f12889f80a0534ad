import Joi from 'joi';
import { timestamp, uuid } from '../../../shared/http/api/schemas';
import { ROLES } from '../domain/Role';
import type { User } from '../domain/User';

export const userSchema = Joi.object({
  id: uuid().required(),
  tenantId: uuid().required(),
  name: Joi.string().required(),
  phone: Joi.string().required().description('E.164'),
  role: Joi.string()
    .valid(...ROLES)
    .required(),
  active: Joi.boolean().required(),
  createdAt: timestamp().required(),
}).label('User');

export const userJson = (u: User) => ({
  id: u.id,
  tenantId: u.tenantId,
  name: u.name,
  phone: u.phone,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt,
});
