import { useState } from 'react';
import { Link } from 'wouter';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { Dialog } from '../../../components/ui/Dialog';
import { TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useSession } from '../../../app/session/useSession';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useCreateTrip, useTrips } from '../api/trips';

export function TripList() {
  const { t } = useI18n();
  const format = useFormat();
  const trips = useTrips();
  const role = useSession().data?.user.role;
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('nav.trips')}
        actions={
          role !== 'field_staff' && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('trips.new')}
            </Button>
          )
        }
      />
      <ErrorAlert error={trips.error} />
      <DataTable
        label={t('nav.trips')}
        paged={trips}
        rowKey={(trip) => trip.id}
        empty={t('trips.empty')}
        columns={[
          {
            header: t('common.tripCode'),
            cell: (trip) => <Link href={`/${encodeURIComponent(trip.code)}`}>{trip.code}</Link>,
          },
          { header: t('trips.name'), cell: (trip) => trip.name },
          { header: t('trips.departure'), cell: (trip) => format.day(trip.departureDate) },
          { header: t('common.status'), cell: (trip) => trip.status, secondary: true },
        ]}
      />
      {creating && <CreateTripDialog onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateTripDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const create = useCreateTrip();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [departureDate, setDepartureDate] = useState('');
  return (
    <Dialog title={t('trips.new')} open onOpenChange={(o) => !o && onClose()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ code, name, departureDate });
        }}
      >
        <TextField
          label={t('common.tripCode')}
          required
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
        <TextField label={t('trips.name')} required value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label={t('trips.departure')}
          type="date"
          required
          value={departureDate}
          onChange={(e) => setDepartureDate(e.target.value)}
        />
        <ErrorAlert error={create.error} />
        {create.data && <Notice>{t('trips.created', { code: create.data.code })}</Notice>}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('common.create')}
        </Button>
      </form>
    </Dialog>
  );
}
