import type { Container } from 'inversify';
import Joi from 'joi';
import type { Config } from '../../../config';
import { NotFoundError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { pageOf, pageQuery, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { actorLabel } from '../../identity/domain/Actor';
import type { RetryOnboarding } from '../application/RetryOnboarding';
import type { Start360dialogOnboarding } from '../application/Start360dialogOnboarding';
import type { StartMetaOnboarding } from '../application/StartMetaOnboarding';
import { ONBOARDING_STATUSES, type OnboardingStatus } from '../domain/Onboarding';
import type { OnboardingRepository } from '../domain/OnboardingRepository';
import { CHANNEL_ID } from '../infrastructure/Dialog360PartnerClient';
import { onboardingConfigSchema, onboardingJson, onboardingSchema } from './onboardingRepresentation';

const graphId = (what: string) =>
  Joi.string()
    .pattern(/^\d{1,32}$/)
    .required()
    .description(`${what} (digits)`);
const byId = Joi.object({ id: uuid().required() });
const RUNS =
  'Answers 202 at once; the steps run in the background: poll `GET /onboarding/{id}` until `status` is `done` or `failed`.';
const accepted = { 202: { description: 'The onboarding, its steps pending', schema: onboardingSchema } };

/** SPEC §16: a tenant's manager connects a number through Meta's Embedded Signup or 360dialog. */
export function onboardingRoutes(container: Container): RouteDefinition[] {
  const onboardings = container.get<OnboardingRepository>(TYPES.OnboardingRepository);
  const config = container.get<Config>(TYPES.Config);
  return [
    defineRoute({
      method: 'get',
      path: '/onboarding/config',
      tag: 'onboarding',
      summary: 'The public ids the console opens Embedded Signup and the Connect button with',
      description:
        'Only public identifiers (app id, configuration id, partner id); `null` when not configured.',
      permission: 'manage_connections',
      responses: { 200: { description: 'The ids', schema: onboardingConfigSchema } },
      async handler() {
        const meta = config.metaOnboarding;
        const partner = config.dialog360Partner;
        return {
          status: 200,
          body: {
            meta: meta ? { appId: meta.appId, configId: meta.configId } : null,
            dialog360: partner ? { partnerId: partner.partnerId } : null,
          },
        };
      },
    }),
    defineRoute<{ code: string; wabaId: string; phoneNumberId: string }>({
      method: 'post',
      path: '/onboarding/meta',
      tag: 'onboarding',
      summary: 'Connect a number from Meta’s Embedded Signup: the code of FB.login and the session’s ids',
      description: `Steps: exchange_token, subscribe_webhooks, register_phone, share_credit_line (when META_CREDIT_LINE_ID is set), fetch_number, activate. The same code again answers the same onboarding. A WABA or number already connected is a 409 naming it. ${RUNS}`,
      permission: 'manage_connections',
      request: {
        body: Joi.object({
          code: Joi.string()
            .min(1)
            .max(2048)
            .required()
            .description('FB.login’s authResponse.code (write-only)'),
          wabaId: graphId('The WhatsApp Business Account id of the session message (waba_id)'),
          phoneNumberId: graphId('The phone number id of the session message (phone_number_id)'),
        }),
      },
      responses: accepted,
      errors: [409, 422],
      async handler({ actor, body }) {
        const started = await container
          .get<StartMetaOnboarding>(TYPES.StartMetaOnboarding)
          .execute({ ...body, tenantId: actor.tenantId, by: actorLabel(actor) });
        return { status: 202, body: onboardingJson(started) };
      },
    }),
    defineRoute<{ channelId: string }>({
      method: 'post',
      path: '/onboarding/360dialog',
      tag: 'onboarding',
      summary: 'Connect a number from 360dialog’s Connect button: the channel it redirected back with',
      description: `Steps: create_api_key, register_webhook, fetch_number, activate. ${RUNS}`,
      permission: 'manage_connections',
      request: {
        body: Joi.object({
          channelId: Joi.string()
            .pattern(CHANNEL_ID)
            .required()
            .description('One id of the redirect’s `channels`'),
        }),
      },
      responses: accepted,
      errors: [409, 422],
      async handler({ actor, body }) {
        const started = await container
          .get<Start360dialogOnboarding>(TYPES.Start360dialogOnboarding)
          .execute({ ...body, tenantId: actor.tenantId, by: actorLabel(actor) });
        return { status: 202, body: onboardingJson(started) };
      },
    }),
    defineRoute<unknown, PageRequest & { status?: OnboardingStatus }>({
      method: 'get',
      path: '/onboarding',
      tag: 'onboarding',
      summary: 'The tenant’s onboardings, newest first: every attempt to connect a number and how it ended',
      permission: 'manage_connections',
      request: {
        query: Joi.object({ ...pageQuery, status: Joi.string().valid(...ONBOARDING_STATUSES) }),
      },
      responses: { 200: { description: 'A page', schema: pageOf(onboardingSchema, 'OnboardingPage') } },
      async handler({ actor, query }) {
        const page = await onboardings.list(actor.tenantId, query, query.status);
        return { status: 200, body: { ...page, data: page.data.map(onboardingJson) } };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'get',
      path: '/onboarding/:id',
      tag: 'onboarding',
      summary: 'An onboarding and each of its steps: pending, done, or failed with the provider’s error',
      permission: 'manage_connections',
      request: { params: byId },
      responses: { 200: { description: 'The onboarding', schema: onboardingSchema } },
      async handler({ actor, params }) {
        const found = await onboardings.find(params.id, actor.tenantId);
        if (!found) throw new NotFoundError('onboarding', params.id);
        return { status: 200, body: onboardingJson(found) };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'post',
      path: '/onboarding/:id/retry',
      tag: 'onboarding',
      summary: 'Run a failed onboarding again from its failed step',
      description: `Only a \`failed\` onboarding (409 otherwise). ${RUNS}`,
      permission: 'manage_connections',
      request: { params: byId },
      responses: { 202: { description: 'The onboarding, running again', schema: onboardingSchema } },
      errors: [409],
      async handler({ actor, params }) {
        const retried = await container
          .get<RetryOnboarding>(TYPES.RetryOnboarding)
          .execute(params.id, actor.tenantId, actorLabel(actor));
        return { status: 202, body: onboardingJson(retried) };
      },
    }),
  ];
}
