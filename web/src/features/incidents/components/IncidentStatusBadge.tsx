import { Badge, type Tone } from '../../../components/ui/Badge';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { IncidentStatus } from '../api/incidents';

const TONES: Record<IncidentStatus, Tone> = {
  open: 'bad',
  acknowledged: 'warn',
  resolved: 'good',
};

/** An incident's status, alike on the Incidents page, in an incident's history and on its trip. */
export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`incident.status.${status}`)}</Badge>;
}
