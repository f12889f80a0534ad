import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge, type Tone } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useTimeline, type TimelineEntry } from '../api/trips';

const TONES: Partial<Record<TimelineEntry['eventType'], Tone>> = {
  INCIDENT: 'bad',
  CHECKIN: 'good',
  NOTE: 'info',
};

/** What the entry says, whatever kind it is: a message's text, a check-in's note, an incident. */
function summary(content: Record<string, unknown>): string {
  const text = ['text', 'description', 'note', 'caption', 'summary']
    .map((k) => content[k])
    .find((v) => typeof v === 'string');
  const ref = typeof content.incidentRef === 'string' ? `${content.incidentRef} ` : '';
  return `${ref}${(text as string | undefined) ?? ''}`.trim();
}

/** The timeline of a lead, booking, trip or incident, newest first. */
export function Timeline({
  entityType,
  entityId,
}: {
  entityType: TimelineEntry['entityType'];
  entityId: string;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const timeline = useTimeline(entityType, entityId);
  return (
    <>
      <ErrorAlert error={timeline.error} />
      {timeline.rows?.length === 0 && <p className="muted">{t('timeline.empty')}</p>}
      <ol className="timeline">
        {timeline.rows?.map((entry) => {
          const content = entry.content as Record<string, unknown>;
          const action = typeof content.action === 'string' ? content.action : undefined;
          return (
            <li key={entry.id}>
              <div className="row-between">
                <Badge tone={TONES[entry.eventType] ?? 'neutral'}>
                  {t(`timeline.event.${entry.eventType}` as MessageKey)}
                </Badge>
                <time dateTime={entry.createdAt} className="muted">
                  {format.dateTime(entry.createdAt)}
                </time>
              </div>
              {action && <p className="muted small">{action.replace(/_/g, ' ').toLowerCase()}</p>}
              {summary(content) && <p>{summary(content)}</p>}
              {typeof content.mediaId === 'string' && (
                <a href={`/api/v1/media/${content.mediaId}`} target="_blank" rel="noreferrer">
                  {t('timeline.media')}
                </a>
              )}
            </li>
          );
        })}
      </ol>
      {timeline.hasMore && (
        <Button onClick={timeline.loadMore} disabled={timeline.loadingMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
