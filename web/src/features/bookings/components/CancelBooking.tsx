import { useState } from 'react';
import { Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { TextField } from '../../../components/ui/Field';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { isCancellable, useCancelBooking, type BookingDetail } from '../api/bookings';

/** What the customer has paid, in the booking's currency (its payments are recorded in it). */
const paidSoFar = (booking: BookingDetail) =>
  booking.payments.reduce((cents, p) => cents + Math.round(Number(p.amount) * 100), 0) / 100;

/**
 * Cancels a booking still pending or confirmed, once asked: the reason goes to the customer, and a
 * refund up to what was paid is recorded. A refusal of the API shows in the question.
 */
export function CancelBooking({ booking }: { booking: BookingDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const cancel = useCancelBooking(booking.id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [refund, setRefund] = useState('');
  if (cancel.isSuccess) return <Notice>{t('bookings.cancelled')}</Notice>;
  if (!isCancellable(booking)) return null;
  const paid = paidSoFar(booking);
  return (
    <div className="section">
      <Button variant="danger" onClick={() => setAsking(true)}>
        {t('bookings.cancel')}
      </Button>
      {asking && (
        <ConfirmDialog
          title={t('bookings.cancelTitle', { ref: booking.ref })}
          description={t('bookings.cancelConfirm', {
            customer: booking.customerName ?? booking.customerPhone,
          })}
          confirm={t('bookings.cancel')}
          dismiss={t('bookings.keep')}
          busy={cancel.isPending}
          error={cancel.error}
          onConfirm={() =>
            cancel.mutate(
              { reason, refundAmount: refund.trim() || undefined },
              { onSuccess: () => setAsking(false) },
            )
          }
          onCancel={() => {
            setAsking(false);
            cancel.reset();
          }}
        >
          <TextField
            label={t('bookings.reason')}
            hint={t('bookings.reasonHint')}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {paid > 0 && (
            <TextField
              label={t('bookings.refund')}
              hint={t('bookings.refundHint', { paid: format.money(paid, booking.currency) })}
              inputMode="decimal"
              value={refund}
              onChange={(e) => setRefund(e.target.value)}
            />
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
