import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge, type Tone } from '../../../components/ui/Badge';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useBroadcast, type Broadcast } from '../api/broadcasts';

type Status = Broadcast['recipients'][number]['status'];
const TONES: Record<Status, Tone> = {
  queued: 'neutral',
  sent: 'info',
  delivered: 'info',
  read: 'good',
  failed: 'bad',
  skipped: 'warn',
};
const ORDER: Status[] = ['queued', 'sent', 'delivered', 'read', 'failed', 'skipped'];

/** One broadcast: counts by status and each recipient's state, refreshed while it is on its way. */
export function BroadcastProgress({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const broadcast = useBroadcast(id);
  const b = broadcast.data;
  return (
    <>
      <p>
        <Link href="~/broadcasts">← {t('nav.broadcasts')}</Link>
      </p>
      <PageHeader title={t('broadcasts.progressTitle', { name: b?.template.name ?? '' })} />
      <ErrorAlert error={broadcast.error} />
      {b && (
        <>
          <p className="muted">{format.dateTime(b.createdAt)}</p>
          <ul className="stats" aria-live="polite">
            {ORDER.map((s) => (
              <li key={s} className="stat">
                <span className="stat-value">{format.number(b.counts[s])}</span>
                <span className="stat-label">{t(`broadcast.status.${s}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
          <progress
            max={b.counts.total || 1}
            value={b.counts.total - b.counts.queued}
            aria-label={t('broadcasts.progress')}
          />
          <DataTable
            label={t('broadcasts.recipients')}
            rows={b.recipients}
            rowKey={(r) => r.phone}
            empty={t('broadcasts.noRecipients')}
            columns={[
              { header: t('common.phone'), cell: (r) => r.phone },
              {
                header: t('common.status'),
                cell: (r) => (
                  <Badge tone={TONES[r.status]}>{t(`broadcast.status.${r.status}` as MessageKey)}</Badge>
                ),
              },
              {
                header: t('broadcasts.reason'),
                cell: (r) => r.errorTitle ?? r.reason ?? '—',
                secondary: true,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
