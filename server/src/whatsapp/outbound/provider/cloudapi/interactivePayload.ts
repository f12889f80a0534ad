import { interactiveProblems } from '../../../../modules/message/domain/interactiveRules';
import type { InteractiveCall } from '../../../../modules/message/domain/outboundKinds';
import { invalidMessage } from './invalidMessage';

const textHeader = (header?: string) =>
  header === undefined ? {} : { header: { type: 'text', text: header } };
const footer = (text?: string) => (text === undefined ? {} : { footer: { text } });

function action(call: InteractiveCall): Record<string, unknown> {
  switch (call.type) {
    case 'button':
      return { buttons: call.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) };
    case 'list':
      return {
        button: call.buttonText,
        sections: call.sections.map((s) => ({
          ...(s.title === undefined ? {} : { title: s.title }),
          rows: s.rows.map(({ id, title, description }) => ({
            id,
            title,
            ...(description === undefined ? {} : { description }),
          })),
        })),
      };
    case 'cta_url':
      return { name: 'cta_url', parameters: { display_text: call.displayText, url: call.url } };
  }
}

/**
 * The Cloud API `interactive` object: reply buttons, a list, or a call-to-action URL button, with
 * an optional text header and footer. What breaks WhatsApp's limits (interactiveRules) fails at
 * once, before any call.
 */
export function interactivePayload(call: InteractiveCall): Record<string, unknown> {
  const [problem] = interactiveProblems(call);
  if (problem) throw invalidMessage(`${problem.field} ${problem.message}`);
  return {
    type: call.type,
    ...textHeader(call.header),
    body: { text: call.body },
    ...footer(call.footer),
    action: action(call),
  };
}
