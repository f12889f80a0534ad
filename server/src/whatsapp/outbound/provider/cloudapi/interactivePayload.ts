import type { SessionMessage } from '../WhatsappProvider';
import { charLength, invalidMessage, requireLength } from './invalidMessage';

type Buttons = Extract<SessionMessage, { kind: 'buttons' }>;
type List = Extract<SessionMessage, { kind: 'list' }>;

const textHeader = (header?: string) =>
  header === undefined ? {} : { header: { type: 'text', text: header } };
const footer = (text?: string) => (text === undefined ? {} : { footer: { text } });

function requireUnique(label: string, values: string[]): void {
  if (new Set(values).size !== values.length) throw invalidMessage(`${label} must be unique`);
}

/** Reply buttons: 1–3, titles ≤ 20 characters and unique, ids ≤ 256, body ≤ 1024, header/footer ≤ 60. */
export function buttonsPayload(message: Buttons): Record<string, unknown> {
  const { buttons } = message;
  if (buttons.length < 1 || buttons.length > 3)
    throw invalidMessage(`reply buttons must number 1–3 (has ${buttons.length})`);
  requireLength('the body', message.body, 1024);
  requireLength('the header', message.header, 60);
  requireLength('the footer', message.footer, 60);
  for (const button of buttons) {
    requireLength(`button title "${button.title}"`, button.title, 20);
    requireLength(`button id "${button.id}"`, button.id, 256);
  }
  requireUnique(
    'button titles',
    buttons.map((b) => b.title),
  );
  requireUnique(
    'button ids',
    buttons.map((b) => b.id),
  );
  return {
    type: 'button',
    ...textHeader(message.header),
    body: { text: message.body },
    ...footer(message.footer),
    action: { buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
  };
}

/**
 * A list: 1–10 sections and at most 10 rows in all; button text ≤ 20, body ≤ 4096, header and
 * footer ≤ 60, section titles ≤ 24 (required with several sections), row titles ≤ 24,
 * descriptions ≤ 72, row ids ≤ 200 and unique.
 */
export function listPayload(message: List): Record<string, unknown> {
  const { sections } = message;
  const rows = sections.flatMap((s) => s.rows);
  if (sections.length < 1 || sections.length > 10)
    throw invalidMessage(`a list must have 1–10 sections (has ${sections.length})`);
  if (rows.length < 1 || rows.length > 10)
    throw invalidMessage(`a list must have 1–10 rows in all (has ${rows.length})`);
  requireLength('the list button text', message.buttonText, 20);
  requireLength('the body', message.body, 4096);
  requireLength('the header', message.header, 60);
  requireLength('the footer', message.footer, 60);
  for (const section of sections) {
    if (sections.length > 1 && !section.title) throw invalidMessage('each section needs a title');
    requireLength(`section title "${section.title}"`, section.title, 24);
    if (section.rows.length === 0) throw invalidMessage('a section must have rows');
  }
  for (const row of rows) {
    requireLength(`row title "${row.title}"`, row.title, 24);
    requireLength(`row id "${row.id}"`, row.id, 200);
    if (row.description !== undefined && charLength(row.description) > 72)
      throw invalidMessage(`row description of "${row.title}" must have at most 72 characters`);
  }
  requireUnique(
    'row ids',
    rows.map((r) => r.id),
  );
  return {
    type: 'list',
    ...textHeader(message.header),
    body: { text: message.body },
    ...footer(message.footer),
    action: {
      button: message.buttonText,
      sections: sections.map((s) => ({
        ...(s.title === undefined ? {} : { title: s.title }),
        rows: s.rows.map(({ id, title, description }) => ({
          id,
          title,
          ...(description === undefined ? {} : { description }),
        })),
      })),
    },
  };
}
