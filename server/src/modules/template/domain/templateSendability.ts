import type { Template } from './Template';

export interface TemplateUse {
  bodyParams: string[];
  headerParams?: string[];
  /** Parameters of URL buttons, by button index. */
  buttonParams?: Array<{ index: number; param: string }>;
}

export type Sendability =
  { ok: true } | { ok: false; code: 'TEMPLATE_NOT_APPROVED' | 'TEMPLATE_PARAMS'; reason: string };

const refuse = (code: 'TEMPLATE_NOT_APPROVED' | 'TEMPLATE_PARAMS', reason: string): Sendability => ({
  ok: false,
  code,
  reason,
});

/**
 * Whether a template send may reach the provider (SPEC §8): the template exists, is APPROVED, and
 * the call carries exactly the parameters it takes, none empty. Shared by the dispatcher and
 * broadcasts so both refuse for the same reasons.
 */
export function checkTemplateSendable(template: Template | undefined, use: TemplateUse): Sendability {
  if (!template) return refuse('TEMPLATE_NOT_APPROVED', 'no such template in that language');
  if (!template.isSendable)
    return refuse('TEMPLATE_NOT_APPROVED', `template ${template.name} is ${template.status}`);
  const expected = template.parameters;
  const headerParams = use.headerParams ?? [];
  if (use.bodyParams.length !== expected.body)
    return refuse('TEMPLATE_PARAMS', `body takes ${expected.body} parameters, got ${use.bodyParams.length}`);
  if (headerParams.length !== expected.header)
    return refuse(
      'TEMPLATE_PARAMS',
      `header takes ${expected.header} parameters, got ${headerParams.length}`,
    );
  const buttonIndexes = (use.buttonParams ?? []).map((b) => b.index).sort((a, b) => a - b);
  if (buttonIndexes.join() !== expected.buttons.join())
    return refuse('TEMPLATE_PARAMS', `URL buttons ${expected.buttons.join(', ') || 'none'} take a parameter`);
  const values = [...use.bodyParams, ...headerParams, ...(use.buttonParams ?? []).map((b) => b.param)];
  if (values.some((v) => typeof v !== 'string' || !v.trim()))
    return refuse('TEMPLATE_PARAMS', 'parameters must not be empty');
  return { ok: true };
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
