import { Button } from '../../../components/ui/Button';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { Incident } from '../api/incidents';
import type { NotedChange } from './IncidentChangeDialog';

interface Props {
  incident: Incident;
  /** Operations and managers acknowledge and post updates; field staff resolve on their trips. */
  manages: boolean;
  acknowledging: boolean;
  onAcknowledge(): void;
  onChange(change: NotedChange): void;
}

/** What can still be done to an incident: acknowledge it while open, post an update, resolve it. */
export function IncidentActions({ incident, manages, acknowledging, onAcknowledge, onChange }: Props) {
  const { t } = useI18n();
  if (incident.status === 'resolved') return null;
  const ref = { ref: incident.ref };
  return (
    <span className="actions">
      {manages && incident.status === 'open' && (
        <Button
          variant="primary"
          disabled={acknowledging}
          onClick={onAcknowledge}
          aria-label={t('incidents.acknowledgeNamed', ref)}
        >
          {t('incidents.acknowledge')}
        </Button>
      )}
      {manages && (
        <Button onClick={() => onChange('note')} aria-label={t('incidents.addUpdateNamed', ref)}>
          {t('incidents.addUpdate')}
        </Button>
      )}
      <Button onClick={() => onChange('resolved')} aria-label={t('incidents.resolveNamed', ref)}>
        {t('incidents.resolve')}
      </Button>
    </span>
  );
}
