import type { Container } from 'inversify';
import Joi from 'joi';
import type { Config } from '../../../config';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, timestamp } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { PaymentSettingsChanges, UpdatePaymentSettings } from '../application/UpdatePaymentSettings';
import type { PaymentSettings, PaymentSettingsRepository } from '../domain/PaymentSettings';

const secret = () => Joi.string().trim().min(8).max(500).allow(null);

const settingsSchema = Joi.object({
  paymentUrlTemplate: nullable(Joi.string()),
  instructions: nullable(Joi.string()),
  hasWebhookSecret: Joi.boolean().required().description('The generic webhook can be verified'),
  mercadopago: Joi.object({
    hasAccessToken: Joi.boolean().required(),
    hasWebhookSecret: Joi.boolean().required(),
  }).required(),
  webhookUrls: Joi.object({
    generic: Joi.string().required(),
    mercadopago: Joi.string()
      .required()
      .description('Register it in Mercado Pago: Your integrations → Webhooks'),
  }).required(),
  updatedAt: nullable(timestamp()),
}).label('PaymentSettings');

/** Secrets are write-only: an answer says whether each is set, never what it is. */
function settingsJson(s: PaymentSettings, publicBaseUrl: string) {
  const url = (provider: string) => `${publicBaseUrl}/api/payments/webhook/${provider}?tenant=${s.tenantId}`;
  return {
    paymentUrlTemplate: s.paymentUrlTemplate ?? null,
    instructions: s.instructions ?? null,
    hasWebhookSecret: Boolean(s.secrets.webhookSecret),
    mercadopago: {
      hasAccessToken: Boolean(s.secrets.mercadopago?.accessToken),
      hasWebhookSecret: Boolean(s.secrets.mercadopago?.webhookSecret),
    },
    webhookUrls: { generic: url('generic'), mercadopago: url('mercadopago') },
    updatedAt: s.updatedAt ?? null,
  };
}

export function paymentSettingsRoutes(container: Container): RouteDefinition[] {
  const settings = container.get<PaymentSettingsRepository>(TYPES.PaymentSettingsRepository);
  const { publicBaseUrl } = container.get<Config>(TYPES.Config);
  return [
    defineRoute({
      method: 'get',
      path: '/settings/payments',
      tag: 'settings',
      summary: 'How customers pay: the payment page’s link and instructions, and the payment webhooks',
      permission: 'manage_payment_settings',
      responses: {
        200: { description: 'The payment settings (secrets shown as set or not)', schema: settingsSchema },
      },
      async handler({ actor }) {
        return { status: 200, body: settingsJson(await settings.find(actor.tenantId), publicBaseUrl) };
      },
    }),
    defineRoute<PaymentSettingsChanges>({
      method: 'put',
      path: '/settings/payments',
      tag: 'settings',
      summary: 'Change the payment settings',
      description: [
        'A field left out stays as it is; `null` clears it. `paymentUrlTemplate` is an http(s) URL that may use `{ref}`, `{amount}` (what is still due, e.g. `1500.00`) and `{currency}`; the payment page links to it.',
        '`webhookSecret` signs the generic webhook (`x-signature: sha256=<hex HMAC of the body>`); `mercadopago.webhookSecret` is the application’s secret signature and `mercadopago.accessToken` the token payments are looked up with. Secrets are stored encrypted and never returned.',
      ].join('\n\n'),
      permission: 'manage_payment_settings',
      request: {
        body: Joi.object({
          paymentUrlTemplate: Joi.string().trim().max(2000).allow(null),
          instructions: Joi.string().trim().max(2000).allow(null),
          webhookSecret: secret(),
          mercadopago: Joi.object({ accessToken: secret(), webhookSecret: secret() }),
        }),
      },
      responses: { 200: { description: 'The payment settings after the change', schema: settingsSchema } },
      async handler({ actor, body }) {
        const saved = await container
          .get<UpdatePaymentSettings>(TYPES.UpdatePaymentSettings)
          .execute({ actor, changes: body });
        return { status: 200, body: settingsJson(saved, publicBaseUrl) };
      },
    }),
  ];
}
