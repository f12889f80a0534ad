import type { SendTemplateRequest } from '../WhatsappProvider';
import { envelope } from './messagePayload';
import { invalidMessage } from './invalidMessage';

/**
 * Meta refuses parameter text with new lines, tabs or more than four spaces in a row (and empty
 * text); line breaks become spaces so that, say, an incident description still goes out.
 */
function parameterText(value: string): string {
  const text = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {5,}/g, '    ')
    .trim();
  if (!text) throw invalidMessage('template parameters must not be empty');
  return text;
}

const textParameters = (values: string[]) => values.map((v) => ({ type: 'text', text: parameterText(v) }));

function components(request: SendTemplateRequest): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  if (request.headerParams?.length)
    list.push({ type: 'header', parameters: textParameters(request.headerParams) });
  if (request.bodyParams.length) list.push({ type: 'body', parameters: textParameters(request.bodyParams) });
  const buttons = [...(request.buttonParams ?? [])].sort((a, b) => a.index - b.index);
  for (const button of buttons)
    list.push({
      type: 'button',
      sub_type: button.subType,
      index: String(button.index),
      parameters: [
        button.subType === 'quick_reply'
          ? { type: 'payload', payload: button.param }
          : { type: 'text', text: parameterText(button.param) },
      ],
    });
  return list;
}

/** The `POST …/messages` body of a template message (Meta and 360dialog alike). */
export function templatePayload(request: SendTemplateRequest): Record<string, unknown> {
  const parts = components(request);
  return {
    ...envelope(request.to),
    type: 'template',
    template: {
      name: request.name,
      language: { code: request.language },
      ...(parts.length ? { components: parts } : {}),
    },
  };
}
