import type { Container } from 'inversify';
import Joi from 'joi';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, phoneInput } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { UpdateSmsFallback } from '../application/UpdateSmsFallback';
import type { SmsFallbackSetting, SmsFallbackSettings } from '../domain/SmsFallback';

const settingSchema = Joi.object({
  enabled: Joi.boolean().required(),
  from: nullable(Joi.string()).description('The E.164 SMS number messages go out from'),
}).label('SmsFallback');

const settingJson = (s: SmsFallbackSetting) => ({ enabled: s.enabled, from: s.from ?? null });

const DESCRIPTION =
  'When on, a message that fails because the number is not on WhatsApp (Meta 131026, Twilio 63003) goes by SMS through Twilio’s Messages API from `from`, as a new message with `channel: "sms"` (its text, or its template’s body with the values filled in). Twilio credentials come from the tenant’s Twilio connection, else TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN.';

export function smsFallbackRoutes(container: Container): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/settings/sms-fallback',
      tag: 'settings',
      summary: 'Whether messages WhatsApp cannot deliver go by SMS, and from which number',
      description: DESCRIPTION,
      permission: 'manage_settings',
      responses: { 200: { description: 'The SMS fallback setting', schema: settingSchema } },
      async handler({ actor }) {
        const settings = container.get<SmsFallbackSettings>(TYPES.SmsFallbackSettings);
        return { status: 200, body: settingJson(await settings.find(actor.tenantId)) };
      },
    }),
    defineRoute<{ enabled: boolean; from?: string | null }>({
      method: 'put',
      path: '/settings/sms-fallback',
      tag: 'settings',
      summary: 'Turn the SMS fallback on or off and set its number (audited)',
      description: `${DESCRIPTION} Turning it on without \`from\` is 400; without Twilio credentials 422 SMS_UNAVAILABLE.`,
      permission: 'manage_settings',
      request: {
        body: Joi.object({
          enabled: Joi.boolean().required(),
          from: phoneInput().allow(null).description('E.164, e.g. +15550100123'),
        }),
      },
      responses: { 200: { description: 'The setting as saved', schema: settingSchema } },
      errors: [422],
      async handler({ actor, body }) {
        const update = container.get<UpdateSmsFallback>(TYPES.UpdateSmsFallback);
        const saved = await update.execute(actor, { enabled: body.enabled, from: body.from ?? undefined });
        return { status: 200, body: settingJson(saved) };
      },
    }),
  ];
}
