import { ErrorAlert } from '../../../components/ui/Alert';
import { Dialog } from '../../../components/ui/Dialog';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useIncident, type Incident } from '../api/incidents';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { IncidentUpdates } from './IncidentUpdates';

/**
 * One incident: what happened, who reported, acknowledged and resolved it and when, then its
 * updates in order. It opens with the list's copy and shows the latest once read.
 */
export function IncidentDialog({ incident, onClose }: { incident: Incident; onClose(): void }) {
  const { t } = useI18n();
  const format = useFormat();
  const detail = useIncident(incident.id);
  const i = detail.data ?? incident;
  return (
    <Dialog
      title={t('incidents.dialogTitle', { ref: i.ref })}
      description={i.description}
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <dl className="facts">
        <dt>{t('common.status')}</dt>
        <dd>
          <IncidentStatusBadge status={i.status} />
        </dd>
        <dt>{t('common.tripCode')}</dt>
        <dd>{i.tripCode}</dd>
        <dt>{t('incidents.reported')}</dt>
        <dd>{format.byAt(i.reporterName, i.createdAt)}</dd>
        {i.acknowledgedAt && (
          <>
            <dt>{t('incident.status.acknowledged')}</dt>
            <dd>{format.byAt(i.acknowledgedByName, i.acknowledgedAt)}</dd>
          </>
        )}
        {i.resolvedAt && (
          <>
            <dt>{t('incident.status.resolved')}</dt>
            <dd>{format.byAt(i.resolvedByName, i.resolvedAt)}</dd>
          </>
        )}
        {i.resolutionNote && (
          <>
            <dt>{t('incidents.resolution')}</dt>
            <dd>{i.resolutionNote}</dd>
          </>
        )}
      </dl>
      <h3>{t('incidents.updates')}</h3>
      <ErrorAlert error={detail.error} />
      {detail.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        detail.data && <IncidentUpdates updates={detail.data.updates} />
      )}
    </Dialog>
  );
}
