import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { Message } from '../api/inbox';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = ['image', 'sticker', 'audio', 'video', 'document'] as const;
type Kind = (typeof KINDS)[number];
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

interface Shown {
  id: string;
  kind: Kind;
  status: 'pending' | 'stored' | 'failed';
  filename?: string;
  sizeBytes?: number;
  caption?: string;
}

/**
 * The file of a message, through GET /media/:id: what a customer sent (its stored copy, `file`)
 * or what staff uploaded (`content.media.mediaId`). A provider's media id or a link is not ours to
 * fetch, and shows as the message's words instead.
 */
export function mediaOf(message: Message): Shown | undefined {
  const media = obj(obj(message.content).media);
  const declared = str(media.mediaType) ?? message.type;
  const kind = (KINDS as readonly string[]).includes(declared)
    ? (declared as Kind)
    : kindOf(message.file?.mimeType);
  // A customer's caption arrives as the message's text; ours is on the media.
  const caption = str(media.caption) ?? str(obj(message.content).text);
  if (message.file)
    return {
      id: message.file.id,
      kind,
      status: message.file.status,
      filename: message.file.filename ?? str(media.filename),
      sizeBytes: message.file.sizeBytes ?? undefined,
      caption,
    };
  const uploaded = str(media.mediaId);
  if (uploaded && UUID.test(uploaded))
    return { id: uploaded, kind, status: 'stored', filename: str(media.filename), caption };
  return undefined;
}

function kindOf(mimeType: string | null | undefined): Kind {
  const top = mimeType?.split('/')[0];
  return top === 'image' || top === 'audio' || top === 'video' ? top : 'document';
}

/** Images inline, audio and video with the browser's players, anything else as a download. */
export function MessageMedia({ media }: { media: Shown }) {
  const { t } = useI18n();
  const format = useFormat();
  const what = t(`inbox.kind.${media.kind}` as MessageKey);
  if (media.status === 'pending') return <p className="muted small">{t('inbox.mediaPending', { what })}</p>;
  if (media.status === 'failed') return <p className="field-error">{t('inbox.mediaFailed', { what })}</p>;
  const src = `/api/v1/media/${media.id}`;
  const label = media.caption ?? media.filename ?? what;
  switch (media.kind) {
    case 'image':
    case 'sticker':
      return <img src={src} alt={label} className="media" loading="lazy" />;
    case 'audio':
      return <audio controls preload="metadata" src={src} aria-label={label} className="media-player" />;
    case 'video':
      return <video controls preload="metadata" src={src} aria-label={label} className="media" />;
    default:
      return (
        <a href={src} download={media.filename ?? true} className="media-file">
          {t('inbox.download', { name: media.filename ?? what })}
          {media.sizeBytes !== undefined && (
            <span className="muted">
              {' '}
              ({format.number(Math.max(1, Math.round(media.sizeBytes / 1024)))} KB)
            </span>
          )}
        </a>
      );
  }
}
