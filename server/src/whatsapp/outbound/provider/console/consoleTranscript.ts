import { maskPhone } from '../../../../shared/logging/createLogger';
import type { InteractiveCall } from '../../../../modules/message/domain/outboundKinds';
import type { SendMessageRequest, SendTemplateRequest } from '../WhatsappProvider';

/**
 * What the console provider "sent", as one readable log message. The console is the local
 * channel: its log is the only place a person can read the text, so the text goes in the message
 * string — where the logger's body redaction (which real providers rely on) does not apply. The
 * recipient stays masked.
 */
export function consoleTranscript(request: SendMessageRequest | SendTemplateRequest): string {
  return `console → ${maskPhone(request.to)}: ${'message' in request ? sessionText(request) : templateText(request)}`;
}

function sessionText({ message: m }: SendMessageRequest): string {
  switch (m.kind) {
    case 'text':
      return m.text;
    case 'media':
      return `[${m.mediaType}] ${m.caption ?? ''}`.trim();
    case 'interactive':
      return interactiveText(m.interactive);
    case 'location':
      return `[location] ${m.name ?? ''} ${m.latitude},${m.longitude}`.replace('  ', ' ');
    case 'contacts':
      return `[contacts] ${m.contacts.map((c) => c.name.formattedName).join(' | ')}`;
    case 'reaction':
      return `[reaction ${m.emoji}]`;
  }
}

function interactiveText(i: InteractiveCall): string {
  if (i.type === 'button') return `${i.body} [${i.buttons.map((b) => b.title).join(' | ')}]`;
  if (i.type === 'list') return `${i.body} [${i.buttonText}]`;
  return `${i.body} [${i.displayText}: ${i.url}]`;
}

const templateText = (t: SendTemplateRequest) => `[template ${t.name}] ${t.bodyParams.join(' | ')}`.trim();
