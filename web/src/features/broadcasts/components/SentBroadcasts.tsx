import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { DataTable } from '../../../components/ui/DataTable';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useSentBroadcasts, type BroadcastSummary } from '../api/broadcasts';

/** Where a broadcast went: its list (while it exists) or its trip's customers. */
function audience(b: BroadcastSummary, t: ReturnType<typeof useI18n>['t']): string {
  if (b.tripCode) return t('broadcasts.toTripCode', { code: b.tripCode });
  return b.listName ?? t('broadcasts.removedList');
}

/** Broadcasts sent, newest first: each opens its progress; counts follow the live events. */
export function SentBroadcasts() {
  const { t } = useI18n();
  const format = useFormat();
  const sent = useSentBroadcasts();
  return (
    <>
      <h2>{t('broadcasts.sent')}</h2>
      <ErrorAlert error={sent.error} />
      <DataTable
        label={t('broadcasts.sent')}
        paged={sent}
        rowKey={(b) => b.id}
        empty={t('broadcasts.noneSent')}
        columns={[
          {
            header: t('broadcasts.template'),
            cell: (b) => (
              <Link
                href={`/${b.id}`}
                aria-label={t('broadcasts.openProgress', {
                  name: b.template.name,
                  at: format.dateTime(b.createdAt),
                })}
              >
                {b.template.name}
              </Link>
            ),
          },
          { header: t('broadcasts.to'), cell: (b) => audience(b, t) },
          {
            header: t('broadcasts.progress'),
            cell: (b) =>
              t('broadcasts.summary', {
                done: format.number(b.counts.delivered + b.counts.read),
                total: format.number(b.counts.total),
                failed: format.number(b.counts.failed),
                skipped: format.number(b.counts.skipped),
              }),
          },
          { header: t('common.created'), cell: (b) => format.dateTime(b.createdAt), secondary: true },
        ]}
      />
    </>
  );
}
