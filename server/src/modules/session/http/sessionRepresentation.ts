import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import type { Tenant } from '../../identity/domain/Tenant';
import type { User } from '../../identity/domain/User';
import { userJson, userSchema } from '../../identity/http/userRepresentation';
import type { ConsoleSession } from '../domain/ConsoleSession';

export const signedInSchema = Joi.object({
  sessionId: uuid().required(),
  user: userSchema.required(),
  tenant: Joi.object({ id: uuid().required(), name: Joi.string().required() }).required(),
  csrfToken: Joi.string().required().description('Send as x-csrf-token on every change'),
  expiresAt: timestamp().required().description('Moves on with each use'),
}).label('ConsoleSignIn');

export const signedInJson = (session: ConsoleSession, user: User, tenant: Tenant, csrfToken: string) => ({
  sessionId: session.id,
  user: userJson(user),
  tenant: { id: tenant.id, name: tenant.name },
  csrfToken,
  expiresAt: session.expiresAt,
});

export const sessionSchema = Joi.object({
  id: uuid().required(),
  userId: uuid().required(),
  method: Joi.string().valid('code', 'api_key', 'setup').required(),
  userAgent: nullable(Joi.string()),
  createdAt: timestamp().required(),
  lastSeenAt: timestamp().required(),
  expiresAt: timestamp().required(),
  current: Joi.boolean().required().description('The session this request came with'),
}).label('ConsoleSession');

export const sessionJson = (s: ConsoleSession, currentId?: string) => ({
  id: s.id,
  userId: s.userId,
  method: s.method,
  userAgent: s.userAgent ?? null,
  createdAt: s.createdAt,
  lastSeenAt: s.lastSeenAt,
  expiresAt: s.expiresAt,
  current: s.id === currentId,
});
