import { useSession } from '../../../app/session/useSession';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useApproveQuote, useLeadQuotes, type LeadQuote } from '../api/quotes';

/**
 * The quotes of a lead, newest first: sent, or waiting for a manager's approval (over the
 * tenant's threshold); a manager approves one here and it goes to the customer.
 */
export function LeadQuotes({ leadId }: { leadId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const manager = useSession().data?.user.role === 'manager';
  const { quotes, loading, error } = useLeadQuotes(leadId);
  const approve = useApproveQuote();
  return (
    <section className="stack section" aria-labelledby={`quotes-${leadId}`}>
      <h2 id={`quotes-${leadId}`}>{t('quotes.title')}</h2>
      <ErrorAlert error={error ?? approve.error} />
      {approve.data && <Notice>{t('leads.quoteSent', { ref: approve.data.ref })}</Notice>}
      <DataTable<LeadQuote>
        label={t('quotes.title')}
        rows={quotes}
        rowKey={(q) => q.ref}
        loading={loading}
        empty={t('quotes.none')}
        columns={[
          { header: t('quotes.ref'), cell: (q) => q.ref },
          { header: t('common.amount'), cell: (q) => format.money(q.amount, q.currency) },
          {
            header: t('common.status'),
            cell: (q) =>
              q.status === 'sent' ? (
                <Badge tone="good">{t('quotes.sent')}</Badge>
              ) : (
                <Badge tone="warn">{t('quotes.pending')}</Badge>
              ),
          },
          { header: t('quotes.when'), cell: (q) => format.dateTime(q.at), secondary: true },
          {
            header: t('common.actions'),
            cell: (q) =>
              manager && q.status === 'pending_approval' ? (
                <Button
                  variant="primary"
                  onClick={() => approve.mutate(q.ref)}
                  disabled={approve.isPending}
                  aria-label={t('quotes.approveRef', { ref: q.ref })}
                >
                  {t('quotes.approve')}
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
