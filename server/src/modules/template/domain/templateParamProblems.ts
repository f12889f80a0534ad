import type { FieldProblem } from '../../../shared/errors/AppError';
import { publicLinkProblem } from '../../../shared/net/publicLinkProblem';
import type { ButtonSlot, HeaderSlot, TemplateSlots } from './templateSlots';
import {
  buttonValue,
  type ButtonParam,
  type HeaderParam,
  type TemplateSendParams,
} from './templateSendParams';

type Problems = FieldProblem[];
const blank = (value: unknown) => typeof value !== 'string' || !value.trim();
/** WhatsApp refuses parameter text with a new line, a tab or more than four spaces in a row (132018). */
const UNSENDABLE_TEXT = /[\r\n\t]| {5,}/;

function textProblem(value: unknown): string | undefined {
  if (blank(value)) return 'must not be empty';
  if (UNSENDABLE_TEXT.test(value as string))
    return 'must not contain a new line, a tab or more than four spaces in a row (WhatsApp error 132018)';
  return undefined;
}
const SLOT_NAMES: Record<ButtonSlot, string> = {
  url: 'a URL button',
  quick_reply: 'a quick-reply button',
  fixed: 'a button without parameters',
};

function bodyProblems(expected: number, params: string[], problems: Problems): void {
  if (params.length !== expected)
    problems.push({
      field: 'template.params',
      message: `the body takes ${expected} parameters, ${params.length} given`,
    });
  params.forEach((p, i) => {
    const message = textProblem(p);
    if (message) problems.push({ field: `template.params[${i}]`, message });
  });
}

function headerProblem(slot: HeaderSlot, header: HeaderParam | undefined): FieldProblem | undefined {
  const at = (message: string, field = 'template.header') => ({ field, message });
  if (slot === 'unsupported') return at('the template’s header (a location) cannot be filled from here');
  if (!header)
    return slot === 'none' ? undefined : at(`the header takes ${slot === 'text' ? 'a text' : `an ${slot}`}`);
  if (slot === 'none') return at('the template’s header takes no parameter');
  if (header.type !== slot)
    return at(
      `the header takes ${slot === 'text' ? 'text' : `an ${slot}`}, not ${header.type}`,
      'template.header.type',
    );
  if (header.type === 'text') {
    const message = textProblem(header.text);
    return message ? at(message, 'template.header.text') : undefined;
  }
  if (Boolean(header.id) === Boolean(header.link)) return at('an id or a link, not both');
  const linkProblem = header.link === undefined ? undefined : publicLinkProblem(header.link);
  if (linkProblem) return at(linkProblem, 'template.header.link');
  if (header.filename !== undefined && header.type !== 'document')
    return at('only a document has a filename', 'template.header.filename');
  return undefined;
}

function buttonProblems(slots: ButtonSlot[], buttons: ButtonParam[], problems: Problems): void {
  const seen = new Set<number>();
  buttons.forEach((b, i) => {
    const field = `template.buttons[${i}]`;
    const slot = slots[b.index];
    if (slot === undefined)
      return problems.push({ field: `${field}.index`, message: `the template has ${slots.length} buttons` });
    if (seen.has(b.index)) return problems.push({ field: `${field}.index`, message: 'button given twice' });
    seen.add(b.index);
    if (slot !== b.type)
      return problems.push({ field: `${field}.type`, message: `button ${b.index} is ${SLOT_NAMES[slot]}` });
    const value = buttonValue(b);
    const message = b.type === 'url' ? textProblem(value) : blank(value) ? 'must not be empty' : undefined;
    if (message) problems.push({ field: `${field}.${b.type === 'url' ? 'text' : 'payload'}`, message });
  });
  slots.forEach((slot, index) => {
    if (slot === 'url' && !buttons.some((b) => b.index === index))
      problems.push({ field: 'template.buttons', message: `URL button ${index} takes a parameter` });
  });
}

/**
 * What is wrong with a send's values for a template, component by component (SPEC §9: the count
 * per component, none empty or with text WhatsApp refuses, the header's kind, each button's kind
 * by index); empty when they fit.
 * Quick-reply payloads are optional (WhatsApp then sends the button's text back).
 */
export function templateParamProblems(slots: TemplateSlots, call: TemplateSendParams): Problems {
  const problems: Problems = [];
  bodyProblems(slots.body, call.params ?? [], problems);
  const header = headerProblem(slots.header, call.header);
  if (header) problems.push(header);
  buttonProblems(slots.buttons, call.buttons ?? [], problems);
  return problems;
}
