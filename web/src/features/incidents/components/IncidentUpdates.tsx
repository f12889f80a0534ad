import { Badge } from '../../../components/ui/Badge';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { IncidentUpdate } from '../api/incidents';
import { IncidentStatusBadge } from './IncidentStatusBadge';

/** An incident's updates, oldest first: what changed or was noted, by whom, and whether customers were told. */
export function IncidentUpdates({ updates }: { updates: IncidentUpdate[] }) {
  const { t } = useI18n();
  const format = useFormat();
  if (updates.length === 0) return <p className="muted">{t('incidents.noUpdates')}</p>;
  // The API answers newest first; a history reads in the order it happened.
  const inOrder = [...updates].reverse();
  return (
    <ol className="timeline">
      {inOrder.map((u) => (
        <li key={u.id}>
          <div className="row-between">
            {u.kind === 'note' ? (
              <Badge tone="info">{t('incidents.progressNote')}</Badge>
            ) : (
              <IncidentStatusBadge status={u.kind} />
            )}
            <span className="muted">
              {u.authorName && `${u.authorName} · `}
              <time dateTime={u.at}>{format.dateTime(u.at)}</time>
            </span>
          </div>
          {u.note && <p>{u.note}</p>}
          {u.customerMessage ? (
            <>
              <p className="small">{t('incidents.customersTold', { n: u.customersNotified })}</p>
              <blockquote className="preview">{u.customerMessage}</blockquote>
            </>
          ) : (
            <p className="muted small">{t('incidents.customersNotTold')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
