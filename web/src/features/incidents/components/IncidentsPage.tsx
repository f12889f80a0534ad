import { useState } from 'react';
import { Link } from 'wouter';
import { useSession } from '../../../app/session/useSession';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { SelectField, TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import {
  INCIDENT_STATUSES,
  useChangeIncident,
  useIncidents,
  type Incident,
  type IncidentFilter,
} from '../api/incidents';
import { IncidentActions } from './IncidentActions';
import { IncidentChangeDialog, type NotedChange } from './IncidentChangeDialog';
import { IncidentDialog } from './IncidentDialog';
import { IncidentStatusBadge } from './IncidentStatusBadge';

const DONE: Record<'acknowledged' | NotedChange, MessageKey> = {
  acknowledged: 'incidents.done.acknowledged',
  note: 'incidents.done.note',
  resolved: 'incidents.done.resolved',
};

/**
 * Incidents reported from the field, the unresolved by default (open first): open one for its
 * history, acknowledge it, post a progress update, resolve it — the trip's customers told when asked.
 */
export default function IncidentsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const role = useSession().data?.user.role;
  const manages = role === 'operations' || role === 'manager';
  const [status, setStatus] = useState<IncidentFilter>('unresolved');
  const [tripCode, setTripCode] = useState('');
  const [changing, setChanging] = useState<{ incident: Incident; change: NotedChange }>();
  const [viewing, setViewing] = useState<Incident>();
  const [done, setDone] = useState<string>();
  const incidents = useIncidents({ status, tripCode });
  const acknowledge = useChangeIncident();
  const announce = (change: keyof typeof DONE, ref: string, customers = 0) =>
    setDone(
      [t(DONE[change], { ref }), customers > 0 ? t('incidents.customersTold', { n: customers }) : '']
        .join(' ')
        .trim(),
    );
  return (
    <>
      <PageHeader title={t('nav.incidents')} />
      <div className="filters">
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as IncidentFilter)}
          options={[
            { value: 'unresolved', label: t('incidents.unresolved') },
            ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incident.status.${s}`) })),
            { value: '', label: t('common.all') },
          ]}
        />
        <TextField
          label={t('common.tripCode')}
          value={tripCode}
          onChange={(e) => setTripCode(e.target.value.toUpperCase())}
        />
      </div>
      <ErrorAlert error={incidents.error ?? acknowledge.error} />
      {done && <Notice>{done}</Notice>}
      <DataTable
        label={t('nav.incidents')}
        paged={incidents}
        rowKey={(i) => i.id}
        empty={t('incidents.empty')}
        columns={[
          {
            header: t('common.ref'),
            cell: (i) => (
              <Button
                variant="ghost"
                className="link nowrap"
                aria-haspopup="dialog"
                onClick={() => setViewing(i)}
              >
                {i.ref}
              </Button>
            ),
          },
          {
            header: t('common.tripCode'),
            cell: (i) => <Link href={`~/trips/${encodeURIComponent(i.tripCode)}`}>{i.tripCode}</Link>,
          },
          { header: t('incidents.description'), cell: (i) => <span className="clip">{i.description}</span> },
          {
            header: t('common.status'),
            cell: (i) => <IncidentStatusBadge status={i.status} />,
          },
          { header: t('incidents.reported'), cell: (i) => format.dateTime(i.createdAt), secondary: true },
          { header: t('incidents.resolution'), cell: (i) => i.resolutionNote ?? '—', secondary: true },
          {
            header: t('common.actions'),
            cell: (i) => (
              <IncidentActions
                incident={i}
                manages={manages}
                acknowledging={acknowledge.isPending && acknowledge.variables.id === i.id}
                onAcknowledge={() => {
                  setDone(undefined);
                  acknowledge.mutate(
                    { id: i.id, status: 'acknowledged' },
                    { onSuccess: () => announce('acknowledged', i.ref) },
                  );
                }}
                onChange={(change) => {
                  setDone(undefined);
                  acknowledge.reset();
                  setChanging({ incident: i, change });
                }}
              />
            ),
          },
        ]}
      />
      {viewing && <IncidentDialog incident={viewing} onClose={() => setViewing(undefined)} />}
      {changing && (
        <IncidentChangeDialog
          incident={changing.incident}
          change={changing.change}
          onClose={() => setChanging(undefined)}
          onDone={(customers) => {
            announce(changing.change, changing.incident.ref, customers);
            setChanging(undefined);
          }}
        />
      )}
    </>
  );
}
