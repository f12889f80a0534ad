import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { SelectField, TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { BOOKING_STATUSES, useBookings, type Booking } from '../api/bookings';
import { BookingDialog } from './BookingDialog';
import { BOOKING_TONES } from './bookingTones';

/** Bookings with their payment state; open one to send the payment link or record a payment. */
export default function BookingsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [status, setStatus] = useState('');
  const [tripCode, setTripCode] = useState('');
  const [open, setOpen] = useState<Booking>();
  const bookings = useBookings({ status, tripCode });
  return (
    <>
      <PageHeader title={t('nav.bookings')} />
      <div className="filters">
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...BOOKING_STATUSES.map((s) => ({ value: s, label: t(`booking.status.${s}` as MessageKey) })),
          ]}
        />
        <TextField
          label={t('common.tripCode')}
          value={tripCode}
          onChange={(e) => setTripCode(e.target.value.toUpperCase())}
        />
      </div>
      <ErrorAlert error={bookings.error} />
      <DataTable
        label={t('nav.bookings')}
        paged={bookings}
        rowKey={(b) => b.id}
        empty={t('bookings.empty')}
        columns={[
          {
            header: t('common.ref'),
            cell: (b) => (
              <Button variant="ghost" className="link nowrap" onClick={() => setOpen(b)}>
                {b.ref}
              </Button>
            ),
          },
          { header: t('common.customer'), cell: (b) => b.customerName ?? b.customerPhone },
          {
            header: t('common.status'),
            cell: (b) => (
              <Badge tone={BOOKING_TONES[b.status]}>{t(`booking.status.${b.status}` as MessageKey)}</Badge>
            ),
          },
          { header: t('common.amount'), cell: (b) => format.money(b.amount, b.currency) },
          { header: t('common.tripCode'), cell: (b) => b.tripCode ?? '—', secondary: true },
          { header: t('bookings.partySize'), cell: (b) => b.partySize, secondary: true },
          { header: t('common.created'), cell: (b) => format.dateTime(b.createdAt), secondary: true },
        ]}
      />
      {open && <BookingDialog id={open.id} title={open.ref} onClose={() => setOpen(undefined)} />}
    </>
  );
}
