import type { Container } from 'inversify';
import Joi from 'joi';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { uuid } from '../../../shared/http/api/schemas';
import { PROVIDERS } from '../../../shared/providers';
import { TYPES } from '../../../types';
import { actorLabel } from '../../identity/domain/Actor';
import type { AddConnection } from '../application/AddConnection';
import type { ConnectionInput } from '../application/connectionInput';
import type { RemoveConnection } from '../application/RemoveConnection';
import type { TestConnection } from '../application/TestConnection';
import type { UpdateConnection } from '../application/UpdateConnection';
import type { WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import {
  connectionJson,
  connectionSchema,
  connectionTestJson,
  connectionTestSchema,
} from './connectionRepresentation';

const secret = (what: string) =>
  Joi.string().min(1).max(4096).description(`${what} (write-only: never returned)`);
const optionalId = (what: string) =>
  Joi.string()
    .pattern(/^\d{1,32}$/)
    .allow(null)
    .description(`${what}, digits; null clears it`);
const fields = {
  provider: Joi.string().valid(...PROVIDERS),
  phoneNumber: Joi.string()
    .trim()
    .pattern(/^\+[1-9]\d{6,14}$/)
    .description('The business number, E.164'),
  phoneNumberId: optionalId('Meta phone-number id (required for meta)'),
  businessAccountId: optionalId('WhatsApp Business Account id (templates, account events)'),
  verifyToken: Joi.string()
    .min(1)
    .max(256)
    .allow(null)
    .description('Answer to Meta’s GET verification (write-only)'),
  accessToken: secret('Meta: the bearer token'),
  webhookSecret: secret('Meta: the app secret; 360dialog: the webhook secret'),
  apiKey: secret('360dialog: the D360-API-KEY'),
  twilioAccountSid: Joi.string().pattern(/^AC[0-9a-fA-F]{32}$/),
  twilioAuthToken: secret('Twilio: the auth token'),
  markAsRead: Joi.boolean().description('Blue ticks for handled inbound messages (default true)'),
};
const byId = Joi.object({ id: uuid().required() });
const SECRETS_NOTE =
  'Secrets are write-only: answers carry `hasAccessToken`, `hasWebhookSecret`, `hasApiKey`, `hasTwilioAuthToken`, `hasVerifyToken`.';

/** SPEC §15: a tenant's managers configure its WhatsApp numbers. Every change is audited. */
export function connectionRoutes(container: Container): RouteDefinition[] {
  const connections = container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository);
  return [
    defineRoute({
      method: 'get',
      path: '/whatsapp/connections',
      tag: 'connections',
      summary: 'The tenant’s WhatsApp numbers, with their status and health',
      description: SECRETS_NOTE,
      permission: 'manage_connections',
      responses: {
        200: {
          description: 'Every connection of the tenant',
          schema: Joi.object({ data: Joi.array().items(connectionSchema).required() }).label(
            'ConnectionList',
          ),
        },
      },
      async handler({ actor }) {
        const all = await connections.findByTenant(actor.tenantId);
        return { status: 200, body: { data: all.map(connectionJson) } };
      },
    }),
    defineRoute<ConnectionInput>({
      method: 'post',
      path: '/whatsapp/connections',
      tag: 'connections',
      summary: 'Connect a number: provider, number and the credentials that provider needs',
      description: `meta: phoneNumberId, accessToken, webhookSecret; 360dialog: apiKey, webhookSecret; twilio: twilioAccountSid, twilioAuthToken. ${SECRETS_NOTE}`,
      permission: 'manage_connections',
      request: {
        body: Joi.object({
          ...fields,
          provider: fields.provider.required(),
          phoneNumber: fields.phoneNumber.required(),
        }),
      },
      responses: { 201: { description: 'The connection', schema: connectionSchema } },
      errors: [409],
      async handler({ actor, body }) {
        const added = await container
          .get<AddConnection>(TYPES.AddConnection)
          .execute({ tenantId: actor.tenantId, by: actorLabel(actor), connection: body });
        return { status: 201, body: connectionJson(added) };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'get',
      path: '/whatsapp/connections/:id',
      tag: 'connections',
      summary: 'One connection',
      description: SECRETS_NOTE,
      permission: 'manage_connections',
      request: { params: byId },
      responses: { 200: { description: 'The connection', schema: connectionSchema } },
      async handler({ actor, params }) {
        const found = await connections.find(params.id, actor.tenantId);
        if (!found) throw notFound(params.id);
        return { status: 200, body: connectionJson(found) };
      },
    }),
    defineRoute<ConnectionInput, unknown, { id: string }>({
      method: 'patch',
      path: '/whatsapp/connections/:id',
      tag: 'connections',
      summary: 'Change a connection; a secret given replaces the stored one',
      description: `Connections managed by the environment (source \`environment\`) are changed through the WHATSAPP_* variables instead (409). ${SECRETS_NOTE}`,
      permission: 'manage_connections',
      request: { params: byId, body: Joi.object(fields).min(1) },
      responses: { 200: { description: 'The connection', schema: connectionSchema } },
      errors: [409],
      async handler({ actor, params, body }) {
        const updated = await container
          .get<UpdateConnection>(TYPES.UpdateConnection)
          .execute({ id: params.id, tenantId: actor.tenantId, by: actorLabel(actor), changes: body });
        return { status: 200, body: connectionJson(updated) };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'delete',
      path: '/whatsapp/connections/:id',
      tag: 'connections',
      summary: 'Disconnect a number: its credentials are deleted, deliveries for it refused',
      permission: 'manage_connections',
      request: { params: byId },
      responses: { 204: { description: 'Removed' } },
      errors: [409],
      async handler({ actor, params }) {
        await container
          .get<RemoveConnection>(TYPES.RemoveConnection)
          .execute({ id: params.id, tenantId: actor.tenantId, by: actorLabel(actor) });
        return { status: 204 };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'post',
      path: '/whatsapp/connections/:id/test',
      tag: 'connections',
      summary: 'Ask the provider whether the number works, and record what it says',
      description:
        'Meta: the phone number’s display number, verified name, quality rating, messaging limit and name status; Twilio: the account’s status; 360dialog: the registered webhook URL (it must be this service’s `?orgId=<tenant>` URL). A refusal or no answer is `ok: false` with the reason.',
      permission: 'manage_connections',
      request: { params: byId },
      responses: { 200: { description: 'What the provider said', schema: connectionTestSchema } },
      async handler({ actor, params }) {
        const result = await container
          .get<TestConnection>(TYPES.TestConnection)
          .execute({ id: params.id, tenantId: actor.tenantId, by: actorLabel(actor) });
        return { status: 200, body: connectionTestJson(result) };
      },
    }),
  ];
}

const notFound = (id: string) => new NotFoundError('connection', id);
