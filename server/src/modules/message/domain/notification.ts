import { renderTemplate, type DefaultTemplateName } from '../../template/domain/defaultTemplates';
import { templateParamText } from '../../template/domain/templateSendability';
import type { OutboundRequest } from './OutboundRequest';

/**
 * A system notification: free text while the recipient's window is open, the same words as an
 * approved template outside it (the dispatcher chooses). Its values come from business data (an
 * incident's description may span lines), so they are folded into text WhatsApp accepts.
 */
export function notification(
  tenantId: string,
  to: string,
  template: DefaultTemplateName,
  params: string[],
  language = 'en',
  context?: Record<string, unknown>,
): OutboundRequest {
  return {
    tenantId,
    to,
    purpose: 'notification',
    text: renderTemplate(template, language, params),
    template: { name: template, language, params: params.map(templateParamText) },
    context,
  };
}

/** A notification to a staff member (an alert, a login code): queued `high` (SPEC §21). */
export const staffAlert = (...args: Parameters<typeof notification>): OutboundRequest => ({
  ...notification(...args),
  priority: 'high',
});
