import type { FieldProblem } from '../../../shared/errors/AppError';
import { templateParamProblems } from './templateParamProblems';
import type { TemplateSendParams } from './templateSendParams';
import type { TemplateSlots } from './templateSlots';

/** What sending needs to know of a stored template (a Template, or the dispatcher's facts). */
export interface SendableTemplate {
  status: string;
  slots: TemplateSlots;
}

export type Sendability =
  | { ok: true }
  | {
      ok: false;
      code: 'TEMPLATE_NOT_APPROVED' | 'TEMPLATE_PARAMS';
      reason: string;
      /** For TEMPLATE_PARAMS: each wrong field of the call (`template.header`, `template.buttons[0].text`, …). */
      fields?: FieldProblem[];
    };

/**
 * Whether a template send may reach the provider (SPEC §8/§9): the template exists, is APPROVED,
 * and the call carries exactly the values its header, body and buttons take, none empty. The one
 * rule of the dispatcher, staff sends and broadcasts, so all refuse for the same reasons.
 */
export function checkTemplateSendable(
  template: SendableTemplate | undefined,
  call: TemplateSendParams,
): Sendability {
  if (!template)
    return { ok: false, code: 'TEMPLATE_NOT_APPROVED', reason: 'no such template in that language' };
  if (template.status !== 'APPROVED')
    return { ok: false, code: 'TEMPLATE_NOT_APPROVED', reason: `the template is ${template.status}` };
  const fields = templateParamProblems(template.slots, call);
  if (!fields.length) return { ok: true };
  const reason = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return { ok: false, code: 'TEMPLATE_PARAMS', reason, fields };
}

/**
 * WhatsApp refuses parameter text with new lines, tabs or more than four spaces in a row
 * (error 132018): such text is folded onto one line.
 */
export const templateParamText = (value: string): string =>
  value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {5,}/g, '    ')
    .trim();
