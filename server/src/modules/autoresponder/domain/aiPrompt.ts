import type { AiContext } from './AiRequest';
import type { ChatMessage } from './ChatCompletions';

const LANGUAGES: Record<string, string> = { en: 'English', es: 'Spanish', pt: 'Portuguese' };

/**
 * The request to the AI: the tenant's instructions as the system message, then what we know of the
 * customer (their open lead, their bookings, the language to answer in), then their last messages
 * in order, the one to answer last. Nothing else about the customer is sent.
 */
export function aiPrompt(context: AiContext, language?: string): ChatMessage[] {
  const facts = [
    `Answer in ${LANGUAGES[language?.slice(0, 2) ?? ''] ?? "the customer's language"}, briefly, as a WhatsApp message.`,
    context.lead ? `Their open enquiry: ${JSON.stringify(context.lead)}.` : 'They have no open enquiry.',
    context.bookings.length
      ? `Their bookings: ${JSON.stringify(context.bookings)}.`
      : 'They have no bookings.',
  ];
  return [
    { role: 'system', content: context.instructions.trim() || 'You answer customers of a travel operator.' },
    { role: 'system', content: facts.join('\n') },
    ...context.messages,
  ];
}
