import type { FieldProblem } from '../../../shared/errors/AppError';
import {
  BUTTON_TYPES,
  HEADER_FORMATS,
  TEMPLATE_CATEGORIES,
  type TemplateButton,
  type TemplateContent,
  type TemplateDefinition,
  type TemplateHeader,
} from './TemplateContent';
import {
  countPlaceholders,
  hasMalformedPlaceholder,
  isSequential,
  placeholderNumbers,
} from './templateParameters';

/** WhatsApp's limits for message templates (Cloud API template management). */
export const TEMPLATE_LIMITS = {
  name: 512,
  body: 1024,
  header: 60,
  footer: 60,
  buttonText: 25,
  buttons: 10,
  quickReplies: 3,
  urlButtons: 2,
  phoneButtons: 1,
  url: 2000,
} as const;

const NAME = /^[a-z0-9_]+$/;
/** `en`, `es`, `fil`, `en_US`, `zh_HK`: ISO 639 language with an optional region. */
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const E164 = /^\+[1-9]\d{6,14}$/;

type Problems = FieldProblem[];
const problem = (problems: Problems, field: string, message: string): void => {
  problems.push({ field, message });
};

/** `en-US` and `en_us` → `en_US` (WhatsApp writes language codes with an underscore). */
export function normalizeLanguage(language: string): string {
  const [lang, region] = language.trim().replace(/-/g, '_').split('_');
  return region === undefined ? lang.toLowerCase() : `${lang.toLowerCase()}_${region.toUpperCase()}`;
}

export function validateIdentity(t: Pick<TemplateDefinition, 'name' | 'language'>, problems: Problems): void {
  if (!NAME.test(t.name ?? '')) problem(problems, 'name', 'lowercase letters, digits and underscores only');
  else if (t.name.length > TEMPLATE_LIMITS.name)
    problem(problems, 'name', `at most ${TEMPLATE_LIMITS.name} characters`);
  if (!LANGUAGE.test(t.language ?? ''))
    problem(problems, 'language', 'a WhatsApp language code such as en, es or en_US');
}

/** Every problem of a template definition, by field; empty when WhatsApp would accept its shape. */
export function validateTemplate(t: TemplateDefinition): Problems {
  const problems: Problems = [];
  validateIdentity(t, problems);
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(t.category))
    problem(problems, 'category', `one of ${TEMPLATE_CATEGORIES.join(', ')}`);
  validateContent(t, problems);
  validateAuthentication(t, problems);
  return problems;
}

/** WhatsApp: an AUTHENTICATION template has one OTP button; no other template has one. */
function validateAuthentication(t: TemplateDefinition, problems: Problems): void {
  const otp = (t.buttons ?? []).filter((b) => b.type === 'OTP').length;
  if (t.category === 'AUTHENTICATION' && (otp !== 1 || t.buttons?.length !== 1))
    problem(problems, 'buttons', 'an AUTHENTICATION template has exactly one OTP button');
  if (t.category !== 'AUTHENTICATION' && otp)
    problem(problems, 'buttons', 'only AUTHENTICATION templates have an OTP button');
}

export function validateContent(c: TemplateContent, problems: Problems): void {
  validateBody(c, problems);
  if (c.header) validateHeader(c.header, problems);
  if (c.footer !== undefined) validateFooter(c.footer, problems);
  validateButtons(c.buttons ?? [], problems);
}

function validateBody(c: TemplateContent, problems: Problems): void {
  const body = c.body ?? '';
  if (!body.trim()) return problem(problems, 'body', 'must not be empty');
  if (body.length > TEMPLATE_LIMITS.body)
    problem(problems, 'body', `at most ${TEMPLATE_LIMITS.body} characters`);
  if (hasMalformedPlaceholder(body))
    return problem(problems, 'body', 'parameters are written {{1}}, {{2}}, …');
  const numbers = placeholderNumbers(body);
  if (!isSequential(numbers))
    problem(problems, 'body', 'parameters must be numbered from {{1}} without gaps');
  const trimmed = body.trim();
  if (/^\{\{\d+\}\}/.test(trimmed) || /\{\{\d+\}\}$/.test(trimmed))
    problem(problems, 'body', 'must not start or end with a parameter');
  validateExamples('bodyExamples', c.bodyExamples, countPlaceholders(body), problems);
}

function validateExamples(field: string, examples: string[] | undefined, count: number, problems: Problems) {
  if (!count && !examples?.length) return;
  if (!examples || examples.length !== count)
    return problem(problems, field, `one sample value per parameter (${count})`);
  if (examples.some((e) => typeof e !== 'string' || !e.trim()))
    problem(problems, field, 'sample values must not be empty');
}

function validateHeader(h: TemplateHeader, problems: Problems): void {
  if (!(HEADER_FORMATS as readonly string[]).includes(h.format))
    return problem(problems, 'header.format', `one of ${HEADER_FORMATS.join(', ')}`);
  if (h.format !== 'TEXT')
    return problem(
      problems,
      'header.format',
      'only TEXT headers: a media header needs a sample uploaded to the provider',
    );
  const text = h.text ?? '';
  if (!text.trim()) return problem(problems, 'header.text', 'must not be empty');
  if (text.length > TEMPLATE_LIMITS.header)
    problem(problems, 'header.text', `at most ${TEMPLATE_LIMITS.header} characters`);
  const numbers = placeholderNumbers(text);
  if (hasMalformedPlaceholder(text) || numbers.length > 1 || (numbers.length && numbers[0] !== 1))
    problem(problems, 'header.text', 'at most one parameter, written {{1}}');
  validateExamples(
    'header.example',
    h.example === undefined ? undefined : [h.example],
    numbers.length,
    problems,
  );
}

function validateFooter(footer: string, problems: Problems): void {
  if (!footer.trim()) problem(problems, 'footer', 'must not be empty when given');
  else if (footer.length > TEMPLATE_LIMITS.footer)
    problem(problems, 'footer', `at most ${TEMPLATE_LIMITS.footer} characters`);
  else if (footer.includes('{{')) problem(problems, 'footer', 'takes no parameters');
}

function validateButtons(buttons: TemplateButton[], problems: Problems): void {
  const count = (type: string) => buttons.filter((b) => b.type === type).length;
  if (buttons.length > TEMPLATE_LIMITS.buttons)
    problem(problems, 'buttons', `at most ${TEMPLATE_LIMITS.buttons} buttons`);
  if (count('QUICK_REPLY') > TEMPLATE_LIMITS.quickReplies)
    problem(problems, 'buttons', `at most ${TEMPLATE_LIMITS.quickReplies} quick-reply buttons`);
  if (count('URL') > TEMPLATE_LIMITS.urlButtons)
    problem(problems, 'buttons', `at most ${TEMPLATE_LIMITS.urlButtons} URL buttons`);
  if (count('PHONE_NUMBER') > TEMPLATE_LIMITS.phoneButtons)
    problem(problems, 'buttons', `at most ${TEMPLATE_LIMITS.phoneButtons} phone-number button`);
  buttons.forEach((b, i) => validateButton(b, `buttons[${i}]`, problems));
}

function validateButton(b: TemplateButton, field: string, problems: Problems): void {
  if (!(BUTTON_TYPES as readonly string[]).includes(b.type))
    return problem(problems, `${field}.type`, `one of ${BUTTON_TYPES.join(', ')}`);
  const text = b.text ?? '';
  if (!text.trim() || text.length > TEMPLATE_LIMITS.buttonText || text.includes('{{'))
    problem(problems, `${field}.text`, `1 to ${TEMPLATE_LIMITS.buttonText} characters, no parameters`);
  if (b.type === 'PHONE_NUMBER' && !E164.test(b.phoneNumber ?? ''))
    problem(problems, `${field}.phoneNumber`, 'an E.164 number such as +14155550123');
  if (b.type === 'URL') validateUrl(b, field, problems);
}

function validateUrl(b: TemplateButton, field: string, problems: Problems): void {
  const url = b.url ?? '';
  const params = countPlaceholders(url);
  const fixed = url.replace(/\{\{1\}\}$/, '');
  if (!/^https?:\/\/[^\s{}]+$/.test(fixed) || url.length > TEMPLATE_LIMITS.url)
    return problem(problems, `${field}.url`, 'an http(s) URL, optionally ending with {{1}}');
  validateExamples(`${field}.example`, b.example === undefined ? undefined : [b.example], params, problems);
}
