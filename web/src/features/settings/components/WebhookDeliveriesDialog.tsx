import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge, type Tone } from '../../../components/ui/Badge';
import { DataTable } from '../../../components/ui/DataTable';
import { Dialog } from '../../../components/ui/Dialog';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useWebhookDeliveries, type WebhookDelivery, type WebhookSubscription } from '../api/webhooks';

const TONES: Record<WebhookDelivery['status'], Tone> = { pending: 'info', delivered: 'good', failed: 'bad' };

/** What was sent to a subscription, newest first: each event's attempts and the receiver's last answer. */
export function WebhookDeliveriesDialog({
  subscription,
  onClose,
}: {
  subscription: WebhookSubscription;
  onClose(): void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const deliveries = useWebhookDeliveries(subscription.id);
  return (
    <Dialog
      title={t('webhooks.deliveriesTitle')}
      description={subscription.url}
      open
      onOpenChange={(open) => !open && onClose()}
    >
      <ErrorAlert error={deliveries.error} />
      <DataTable
        label={t('webhooks.deliveriesTitle')}
        paged={deliveries}
        rowKey={(d) => d.id}
        empty={t('webhooks.noDeliveries')}
        columns={[
          { header: t('webhooks.event'), cell: (d) => <code>{d.eventType}</code> },
          {
            header: t('common.status'),
            cell: (d) => <Badge tone={TONES[d.status]}>{t(`webhooks.delivery.${d.status}`)}</Badge>,
          },
          { header: t('webhooks.attempts'), cell: (d) => String(d.attempts) },
          {
            header: t('webhooks.answer'),
            cell: (d) => (d.responseStatus ? `HTTP ${d.responseStatus}` : (d.error ?? '—')),
          },
          {
            header: t('webhooks.when'),
            cell: (d) =>
              d.status === 'pending' && d.nextAttemptAt
                ? t('webhooks.nextAttempt', { at: format.dateTime(d.nextAttemptAt) })
                : format.dateTime(d.deliveredAt ?? d.lastAttemptAt),
            secondary: true,
          },
        ]}
      />
    </Dialog>
  );
}
