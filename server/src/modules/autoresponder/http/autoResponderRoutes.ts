import type { Container } from 'inversify';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { TYPES } from '../../../types';
import type { UpdateAutoResponder } from '../application/UpdateAutoResponder';
import type { AutoResponderSettings, AutoResponderSettingsRepository } from '../domain/AutoResponderSettings';
import { settingsBody, settingsSchema } from './autoResponderSchemas';

const DESCRIPTION =
  'Automatic answers to customers (never staff), in this order: STOP/START; the first matching rule (`handoff: true` also opens or updates the lead and alerts the rep); outside `businessHours` (or on a holiday) the `awayMessage`, at most once per conversation per 12 hours; the AI when `ai.enabled` (the plan has `ai_responses`, within its AI conversations; a customer asking for a person, an error or the 10 s limit hands off to the rep); otherwise the lead and its confirmation. `greeting` goes first to a customer writing for the first time. Nothing is sent to the AI while it is off.';

export function autoResponderRoutes(container: Container): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/settings/auto-responder',
      tag: 'settings',
      summary: 'Business hours, away message, greeting, rules and the AI',
      description: DESCRIPTION,
      permission: 'manage_settings',
      responses: { 200: { description: 'The auto-responder settings', schema: settingsSchema } },
      async handler({ actor }) {
        const settings = container.get<AutoResponderSettingsRepository>(TYPES.AutoResponderSettings);
        return { status: 200, body: await settings.find(actor.tenantId) };
      },
    }),
    defineRoute<AutoResponderSettings>({
      method: 'put',
      path: '/settings/auto-responder',
      tag: 'settings',
      summary: 'Replace the auto-responder settings (audited)',
      description: `${DESCRIPTION} An unknown time zone, a malformed range or date, or a pattern RE2 cannot run is 400 naming the field; \`ai.enabled\` without AI_API_URL is 422 AI_UNAVAILABLE, and on a plan without AI responses 403 PLAN_FEATURE.`,
      permission: 'manage_settings',
      request: { body: settingsBody },
      responses: { 200: { description: 'The settings as saved', schema: settingsSchema } },
      errors: [403, 422],
      async handler({ actor, body }) {
        const update = container.get<UpdateAutoResponder>(TYPES.UpdateAutoResponder);
        return { status: 200, body: await update.execute(actor, body) };
      },
    }),
  ];
}
