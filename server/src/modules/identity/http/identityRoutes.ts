import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, phoneInput, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { CreateUser } from '../application/CreateUser';
import type { IssueApiKey } from '../application/IssueApiKey';
import type { UpdateUser } from '../application/UpdateUser';
import { ROLES } from '../domain/Role';
import type { TenantRepository } from '../domain/TenantRepository';
import type { UserRepository } from '../domain/UserRepository';
import { listUsers, type UserFilters } from '../infrastructure/userQueries';
import { userJson, userSchema } from './userRepresentation';

const role = () => Joi.string().valid(...ROLES);
const userId = Joi.object({ id: uuid().required() });
const withKey = (label: string) =>
  userSchema
    .keys({ apiKey: Joi.string().required().description('Shown this once; only its hash is stored') })
    .label(label);

export function identityRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const users = container.get<UserRepository>(TYPES.UserRepository);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  return [
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'me',
      summary: 'The caller: their user, role and tenant',
      permission: 'authenticated',
      responses: {
        200: {
          description: 'The caller',
          schema: userSchema
            .keys({ tenant: Joi.object({ id: uuid().required(), name: Joi.string().required() }).required() })
            .label('Me'),
        },
      },
      async handler({ actor }) {
        const user = await users.findById(actor.tenantId, actor.userId as string);
        const tenant = await tenants.findById(actor.tenantId);
        if (!user || !tenant) throw new NotFoundError('user', actor.userId ?? '');
        return { status: 200, body: { ...userJson(user), tenant: { id: tenant.id, name: tenant.name } } };
      },
    }),
    defineRoute<unknown, PageRequest & UserFilters>({
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'Staff users of the tenant',
      permission: 'manage_users',
      request: { query: Joi.object({ ...pageQuery, role: role(), active: Joi.boolean() }) },
      responses: { 200: { description: 'A page of users', schema: pageOf(userSchema, 'UserPage') } },
      async handler({ actor, query }) {
        const page = await listUsers(db, actor.tenantId, query, query);
        return { status: 200, body: { ...page, data: page.data.map(userJson) } };
      },
    }),
    defineRoute<{ name: string; phone: string; role: string }>({
      method: 'post',
      path: '/users',
      tag: 'users',
      summary: 'Create a staff user; the answer carries their API key, shown once',
      permission: 'manage_users',
      request: {
        body: Joi.object({
          name: Joi.string().trim().min(1).max(200).required(),
          phone: phoneInput().required(),
          role: role().required(),
        }),
      },
      responses: { 201: { description: 'The user and their API key', schema: withKey('CreatedUser') } },
      errors: [409],
      async handler({ actor, body }) {
        const { user, apiKey } = await container
          .get<CreateUser>(TYPES.CreateUser)
          .execute({ actor, tenantId: actor.tenantId, ...body });
        return { status: 201, body: { ...userJson(user), apiKey } };
      },
    }),
    defineRoute<{ name?: string; role?: string; active?: boolean }, unknown, { id: string }>({
      method: 'patch',
      path: '/users/:id',
      tag: 'users',
      summary: 'Rename, change the role of, or (de)activate a user',
      description: 'Deactivating a user stops their API keys at once.',
      permission: 'manage_users',
      request: {
        params: userId,
        body: Joi.object({
          name: Joi.string().trim().min(1).max(200),
          role: role(),
          active: Joi.boolean(),
        }).min(1),
      },
      responses: { 200: { description: 'The user', schema: userSchema } },
      errors: [422],
      async handler({ actor, params, body }) {
        const user = await container
          .get<UpdateUser>(TYPES.UpdateUser)
          .execute({ actor, userId: params.id, ...body });
        return { status: 200, body: userJson(user) };
      },
    }),
    defineRoute<{ keepExisting?: boolean }, unknown, { id: string }>({
      method: 'post',
      path: '/users/:id/api-keys',
      tag: 'users',
      summary: 'Issue a new API key (shown once); revokes the user’s other keys unless keepExisting',
      permission: 'manage_users',
      request: { params: userId, body: Joi.object({ keepExisting: Joi.boolean().default(false) }) },
      responses: {
        201: {
          description: 'The new key',
          schema: Joi.object({
            userId: uuid().required(),
            apiKey: Joi.string().required().description('Shown this once'),
            prefix: Joi.string().required(),
            revokedKeys: Joi.number().integer().min(0).required(),
          }).label('IssuedApiKey'),
        },
      },
      errors: [422],
      async handler({ actor, params, body }) {
        const issued = await container
          .get<IssueApiKey>(TYPES.IssueApiKey)
          .execute({ actor, userId: params.id, keepExisting: body.keepExisting });
        const { apiKey, prefix, revokedKeys } = issued;
        return { status: 201, body: { userId: issued.user.id, apiKey, prefix, revokedKeys } };
      },
    }),
  ];
}
