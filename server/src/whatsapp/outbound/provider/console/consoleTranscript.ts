import { maskPhone } from '../../../../shared/logging/createLogger';
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
    case 'buttons':
      return `${m.body} [${m.buttons.map((b) => b.title).join(' | ')}]`;
    case 'list':
      return `${m.body} [${m.buttonText}]`;
    case 'reaction':
      return `[reaction ${m.emoji}]`;
  }
}

const templateText = (t: SendTemplateRequest) => `[template ${t.name}] ${t.bodyParams.join(' | ')}`.trim();
