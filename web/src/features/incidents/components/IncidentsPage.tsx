import { useState } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { SelectField, TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useIncidents, type Incident } from '../api/incidents';
import { ResolveDialog } from './ResolveDialog';

/** Incidents reported from the field (open first by default); resolve one with a note. */
export default function IncidentsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [status, setStatus] = useState('open');
  const [tripCode, setTripCode] = useState('');
  const [resolving, setResolving] = useState<Incident>();
  const incidents = useIncidents({ status, tripCode });
  return (
    <>
      <PageHeader title={t('nav.incidents')} />
      <div className="filters">
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('common.all') },
            { value: 'open', label: t('incident.status.open') },
            { value: 'resolved', label: t('incident.status.resolved') },
          ]}
        />
        <TextField
          label={t('common.tripCode')}
          value={tripCode}
          onChange={(e) => setTripCode(e.target.value.toUpperCase())}
        />
      </div>
      <ErrorAlert error={incidents.error} />
      <DataTable
        label={t('nav.incidents')}
        paged={incidents}
        rowKey={(i) => i.id}
        empty={t('incidents.empty')}
        columns={[
          { header: t('common.ref'), cell: (i) => <strong>{i.ref}</strong> },
          {
            header: t('common.tripCode'),
            cell: (i) => <Link href={`~/trips/${encodeURIComponent(i.tripCode)}`}>{i.tripCode}</Link>,
          },
          { header: t('incidents.description'), cell: (i) => <span className="clip">{i.description}</span> },
          {
            header: t('common.status'),
            cell: (i) => (
              <Badge tone={i.status === 'open' ? 'bad' : 'good'}>
                {t(`incident.status.${i.status}` as MessageKey)}
              </Badge>
            ),
          },
          { header: t('incidents.reported'), cell: (i) => format.dateTime(i.createdAt), secondary: true },
          { header: t('incidents.resolution'), cell: (i) => i.resolutionNote ?? '—', secondary: true },
          {
            header: t('common.actions'),
            cell: (i) =>
              i.status === 'open' ? (
                <Button
                  onClick={() => setResolving(i)}
                  aria-label={t('incidents.resolveNamed', { ref: i.ref })}
                >
                  {t('incidents.resolve')}
                </Button>
              ) : null,
          },
        ]}
      />
      {resolving && <ResolveDialog incident={resolving} onClose={() => setResolving(undefined)} />}
    </>
  );
}
