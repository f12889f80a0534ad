import { useState } from 'react';
import { Badge, type Tone } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { ErrorAlert } from '../../../components/ui/Alert';
import { SelectField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { MessageKey } from '../../../lib/i18n/en';
import { useStaffNames } from '../../../lib/useStaffNames';
import { LEAD_STATUSES, useLeads, type Lead } from '../api/leads';
import { LeadDialog } from './LeadDialog';

const LEAD_TONES: Record<Lead['status'], Tone> = {
  new: 'info',
  contacted: 'neutral',
  quoted: 'warn',
  converted: 'good',
  lost: 'bad',
};

/** Leads by status; open one to move it on, quote it or convert it into a booking. */
export default function LeadsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const staffName = useStaffNames();
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<Lead>();
  const leads = useLeads(status);
  return (
    <>
      <PageHeader title={t('nav.leads')} />
      <div className="filters">
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...LEAD_STATUSES.map((s) => ({ value: s, label: t(`lead.status.${s}` as MessageKey) })),
          ]}
        />
      </div>
      <ErrorAlert error={leads.error} />
      <DataTable
        label={t('nav.leads')}
        paged={leads}
        rowKey={(l) => l.id}
        empty={t('leads.empty')}
        columns={[
          {
            header: t('common.ref'),
            cell: (l) => (
              <Button variant="ghost" className="link nowrap" onClick={() => setOpen(l)}>
                {l.ref}
              </Button>
            ),
          },
          { header: t('common.customer'), cell: (l) => <span>{l.customerName ?? l.customerPhone}</span> },
          {
            header: t('common.status'),
            cell: (l) => (
              <Badge tone={LEAD_TONES[l.status]}>{t(`lead.status.${l.status}` as MessageKey)}</Badge>
            ),
          },
          {
            header: t('leads.summary'),
            cell: (l) => <span className="clip">{l.summary ?? '—'}</span>,
            secondary: true,
          },
          { header: t('leads.partySize'), cell: (l) => l.partySize ?? '—', secondary: true },
          { header: t('leads.travelMonth'), cell: (l) => l.travelMonth ?? '—', secondary: true },
          { header: t('common.assignedTo'), cell: (l) => staffName(l.assignedTo), secondary: true },
          { header: t('common.created'), cell: (l) => format.dateTime(l.createdAt), secondary: true },
        ]}
      />
      {open && <LeadDialog lead={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
