import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { DataTable } from '../../../components/ui/DataTable';
import { TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useStaffNames } from '../../../lib/useStaffNames';
import { useAuditLog } from '../api/audit';

const isUuid = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

/** Every staff action, refusal, configuration change and panic event, newest first. */
export default function AuditPage() {
  const { t } = useI18n();
  const format = useFormat();
  const staffName = useStaffNames();
  const [action, setAction] = useState('');
  const entries = useAuditLog(action.trim());
  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <div className="filters">
        <TextField
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={action}
          onChange={(e) => setAction(e.target.value.toUpperCase())}
        />
      </div>
      <ErrorAlert error={entries.error} />
      <DataTable
        label={t('nav.audit')}
        paged={entries}
        rowKey={(e) => e.id}
        empty={t('audit.empty')}
        columns={[
          { header: t('audit.when'), cell: (e) => format.dateTime(e.createdAt) },
          { header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
          { header: t('audit.actor'), cell: (e) => (isUuid(e.actor) ? staffName(e.actor) : e.actor) },
          {
            header: t('audit.entity'),
            cell: (e) => (e.entityType ? `${e.entityType} ${e.entityId?.slice(0, 8) ?? ''}` : '—'),
            secondary: true,
          },
          {
            header: t('audit.details'),
            cell: (e) => <code className="clip">{JSON.stringify(e.details)}</code>,
            secondary: true,
          },
        ]}
      />
    </>
  );
}
