import { useState } from 'react';
import { useSession } from '../../../app/session/useSession';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { TextField } from '../../../components/ui/Field';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useBooking, useRecordPayment, useSendPaymentLink } from '../api/bookings';
import { BOOKING_TONES } from './bookingTones';
import { CancelBooking } from './CancelBooking';

/** One booking: payments so far, the payment link again, a payment to record, cancelling it. */
export function BookingDialog({ id, title, onClose }: { id: string; title: string; onClose(): void }) {
  const { t } = useI18n();
  const format = useFormat();
  const booking = useBooking(id);
  const link = useSendPaymentLink(id);
  const pay = useRecordPayment(id);
  const b = booking.data;
  // Payment links, payments and cancellations are sales work (SPEC §3); operations see bookings to run trips.
  const salesWork = useSession().data?.user.role !== 'operations';
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  return (
    <Dialog title={t('bookings.dialogTitle', { ref: title })} open onOpenChange={(o) => !o && onClose()}>
      <ErrorAlert error={booking.error} />
      {b && (
        <>
          <dl className="facts">
            <dt>{t('common.status')}</dt>
            <dd>
              <Badge tone={BOOKING_TONES[b.status]}>{t(`booking.status.${b.status}` as MessageKey)}</Badge>
            </dd>
            <dt>{t('common.customer')}</dt>
            <dd>
              {b.customerName ?? '—'} · {b.customerPhone}
            </dd>
            <dt>{t('common.amount')}</dt>
            <dd>{format.money(b.amount, b.currency)}</dd>
            <dt>{t('common.tripCode')}</dt>
            <dd>{b.tripCode ?? '—'}</dd>
            {b.cancellationReason && (
              <>
                <dt>{t('bookings.cancellationReason')}</dt>
                <dd>{b.cancellationReason}</dd>
              </>
            )}
            {b.refunds.length > 0 && (
              <>
                <dt>{t('bookings.refunded')}</dt>
                <dd>{b.refunds.map((r) => format.money(r.amount, r.currency)).join(' · ')}</dd>
              </>
            )}
          </dl>
          <h2>{t('bookings.payments')}</h2>
          {b.payments.length === 0 ? (
            <p className="muted">{t('bookings.noPayments')}</p>
          ) : (
            <ul className="plain">
              {b.payments.map((p) => (
                <li key={p.id}>
                  {format.money(p.amount, p.currency)} · {p.reference} · {format.dateTime(p.receivedAt)}
                </li>
              ))}
            </ul>
          )}
          {b.status === 'pending_payment' && salesWork && (
            <>
              <Button onClick={() => link.mutate()} disabled={link.isPending}>
                {t('bookings.sendLink')}
              </Button>
              <ErrorAlert error={link.error} />
              {link.isSuccess && <Notice>{t('bookings.linkSent')}</Notice>}
              <form
                className="stack section"
                onSubmit={(e) => {
                  e.preventDefault();
                  pay.mutate({ amount: amount || b.amount, currency: b.currency, reference });
                }}
              >
                <h2>{t('bookings.recordPayment')}</h2>
                <TextField
                  label={t('common.amount')}
                  hint={t('bookings.amountHint', { amount: format.money(b.amount, b.currency) })}
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
                <TextField
                  label={t('bookings.reference')}
                  required
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                />
                <ErrorAlert error={pay.error} />
                <Button type="submit" variant="primary" disabled={pay.isPending}>
                  {t('bookings.recordSubmit')}
                </Button>
              </form>
            </>
          )}
          {pay.isSuccess && <Notice>{t('bookings.paymentRecorded')}</Notice>}
          {salesWork && <CancelBooking booking={b} />}
        </>
      )}
    </Dialog>
  );
}
