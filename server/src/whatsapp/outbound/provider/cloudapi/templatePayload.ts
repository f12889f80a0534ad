import { templateParamText } from '../../../../modules/template/domain/templateSendability';
import type { SendTemplateRequest, TemplateHeaderValue } from '../WhatsappProvider';
import { invalidMessage } from './invalidMessage';
import { envelope, mediaObject } from './messagePayload';

/**
 * Meta refuses parameter text with new lines, tabs or more than four spaces in a row (and empty
 * text); line breaks become spaces so that, say, an incident description still goes out.
 */
function parameterText(value: string): string {
  const text = templateParamText(value);
  if (!text) throw invalidMessage('template parameters must not be empty');
  return text;
}

function headerParameter(header: TemplateHeaderValue): Record<string, unknown> {
  if (header.kind === 'text') return { type: 'text', text: parameterText(header.text) };
  return { type: header.mediaType, [header.mediaType]: mediaObject(header) };
}

/** The Cloud API `components`: header, body, then one `button` per parameterised button by index. */
function components(request: SendTemplateRequest): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  if (request.header) list.push({ type: 'header', parameters: [headerParameter(request.header)] });
  if (request.bodyParams.length)
    list.push({
      type: 'body',
      parameters: request.bodyParams.map((v) => ({ type: 'text', text: parameterText(v) })),
    });
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
    ...envelope(request.to, request.messageId),
    type: 'template',
    template: {
      name: request.name,
      language: { code: request.language },
      ...(parts.length ? { components: parts } : {}),
    },
  };
}
