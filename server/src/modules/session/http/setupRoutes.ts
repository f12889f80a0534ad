import type { Container } from 'inversify';
import Joi from 'joi';
import type { Config } from '../../../config';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { phoneInput } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { CompleteFirstRunSetup } from '../application/CompleteFirstRunSetup';
import { signedInSchema } from './sessionRepresentation';
import { signInResult } from './signInResult';

/** SPEC §20 first run: the first manager, created from the one-time URL printed at start-up. */
export function setupRoutes(container: Container): RouteDefinition[] {
  const config = container.get<Config>(TYPES.Config);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  return [
    defineRoute<{ token: string; name: string; phone: string }>({
      method: 'post',
      path: '/setup',
      tag: 'auth',
      summary: 'First run: create the first manager with the one-time setup token, and sign them in',
      permission: 'public',
      request: {
        body: Joi.object({
          token: Joi.string()
            .trim()
            .pattern(/^[\w-]{20,128}$/)
            .required()
            .description('From the /setup?token=… URL printed at start-up'),
          name: Joi.string().trim().min(1).max(200).required(),
          phone: phoneInput().required(),
        }),
      },
      responses: {
        201: {
          description: 'The manager, signed in; their API key is shown this once',
          schema: signedInSchema.keys({ apiKey: Joi.string().required() }).label('FirstManager'),
        },
      },
      errors: [409, 422],
      async handler({ body, req }) {
        const started = await container
          .get<CompleteFirstRunSetup>(TYPES.CompleteFirstRunSetup)
          .execute({ ...body, userAgent: req.headers['user-agent'] });
        return signInResult(req, started, tenants, config.publicBaseUrl, { apiKey: started.apiKey });
      },
    }),
  ];
}
