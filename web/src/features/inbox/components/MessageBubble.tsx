import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { Message } from '../api/inbox';
import { mediaOf, MessageMedia } from './MessageMedia';
import { messageText } from './messageText';

const TICKS: Record<string, string> = {
  queued: '…',
  sending: '…',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '!',
};
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** One message: its words, media, the reactions to it, when, and (outbound) its status tick. */
export function MessageBubble({ message, reactions }: { message: Message; reactions: Message[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const outbound = message.direction === 'OUTBOUND';
  const media = mediaOf(message);
  const text = obj(message.content).text;
  // A file shown speaks for itself: only its caption (or the text sent with it) is written out.
  const words =
    media?.status === 'stored'
      ? (typeof text === 'string' && text) || media.caption
      : messageText(message, t);
  const emojis = reactions
    .map((r) => obj(obj(r.content).reaction))
    .filter((r) => r.messageId === message.providerMessageId && typeof r.emoji === 'string')
    .map((r) => r.emoji as string);
  return (
    <li className={outbound ? 'bubble out' : 'bubble in'}>
      {media && <MessageMedia media={media} />}
      {words && <p className="bubble-text">{words}</p>}
      {emojis.length > 0 && (
        <p className="reactions" aria-label={t('inbox.reactions', { emojis: emojis.join(' ') })}>
          {emojis.join(' ')}
        </p>
      )}
      <p className="bubble-meta">
        <time dateTime={message.createdAt}>{format.dateTime(message.sentAt ?? message.createdAt)}</time>
        {outbound && (
          <span
            className={`tick tick-${message.status}`}
            title={t(`inbox.tick.${message.status}` as 'inbox.tick.sent')}
          >
            <span aria-hidden="true">{TICKS[message.status] ?? ''}</span>
            <span className="visually-hidden">{t(`inbox.tick.${message.status}` as 'inbox.tick.sent')}</span>
          </span>
        )}
      </p>
      {message.status === 'failed' && (
        <p className="field-error">{message.errorTitle ?? message.errorCode}</p>
      )}
    </li>
  );
}
