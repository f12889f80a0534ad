import type { Translate } from '../../../lib/i18n/I18nProvider';
import type { Message } from '../api/inbox';

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** The words of a message whatever its kind: text, a template's name and values, media, a reaction. */
export function messageText(m: Pick<Message, 'type' | 'content'>, t: Translate): string {
  const content = obj(m.content);
  if (typeof content.text === 'string' && content.text) return content.text;
  const template = obj(content.template);
  if (typeof template.name === 'string')
    return t('inbox.templateMessage', {
      name: template.name,
      params: (template.params as string[] | undefined)?.join(' · ') ?? '',
    });
  const reaction = obj(content.reaction);
  if (m.type === 'reaction')
    return typeof reaction.emoji === 'string' ? reaction.emoji : t('inbox.reactionRemoved');
  const media = obj(content.media);
  if (Object.keys(media).length || ['image', 'video', 'audio', 'document', 'sticker'].includes(m.type))
    return `${t('inbox.media', { type: String(media.mediaType ?? m.type) })}${typeof media.caption === 'string' ? ` — ${media.caption}` : ''}`;
  return t('inbox.unsupported', { type: m.type });
}

export const lastMessageText = (last: { text: string | null; type: string }, t: Translate): string =>
  last.text ?? messageText({ type: last.type, content: {} }, t);
