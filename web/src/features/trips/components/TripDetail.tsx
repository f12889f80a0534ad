import { useState } from 'react';
import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useStaffList } from '../../../lib/useStaffNames';
import { IncidentStatusBadge } from '../../incidents/components/IncidentStatusBadge';
import { useAssignment, useTrip } from '../api/trips';
import { Timeline } from './Timeline';

/** One trip: departure, assigned staff (assign and unassign), open incidents, last check-in, timeline. */
export function TripDetail({ code }: { code: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const trip = useTrip(code);
  const staff = useStaffList();
  const { assign, unassign } = useAssignment(code);
  const [userId, setUserId] = useState('');
  const data = trip.data;
  return (
    <>
      <p>
        <Link href="~/trips">← {t('nav.trips')}</Link>
      </p>
      <PageHeader title={data ? `${data.code} · ${data.name}` : code} />
      <ErrorAlert error={trip.error} />
      {data && (
        <div className="grid-2">
          <section className="card" aria-labelledby="trip-facts">
            <h2 id="trip-facts">{t('trips.details')}</h2>
            <dl className="facts">
              <dt>{t('trips.departure')}</dt>
              <dd>{format.day(data.departureDate)}</dd>
              <dt>{t('trips.lastCheckIn')}</dt>
              <dd>{data.lastCheckIn ? format.byAt(data.lastCheckIn.by, data.lastCheckIn.at) : '—'}</dd>
            </dl>
            <h3>{t('trips.staff')}</h3>
            {data.assignedStaff.length === 0 && <p className="muted">{t('trips.noStaff')}</p>}
            <ul className="plain">
              {data.assignedStaff.map((s) => (
                <li key={s.id} className="row-between">
                  <span>
                    {s.name} <span className="muted">· {t(`role.${s.role}` as MessageKey)}</span>
                  </span>
                  {staff && (
                    <Button
                      variant="ghost"
                      onClick={() => unassign.mutate(s.id)}
                      aria-label={t('trips.unassign', { name: s.name })}
                    >
                      {t('trips.unassignShort')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            {staff && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (userId) assign.mutate(userId);
                }}
              >
                <SelectField
                  label={t('trips.assign')}
                  value={userId}
                  onChange={(e) => setUserId(e.target.value)}
                  options={[{ value: '', label: '—' }, ...staff.map((u) => ({ value: u.id, label: u.name }))]}
                />
                <Button type="submit" disabled={!userId || assign.isPending}>
                  {t('trips.assignSubmit')}
                </Button>
              </form>
            )}
            <ErrorAlert error={assign.error ?? unassign.error} />
            <h3>{t('trips.openIncidents')}</h3>
            {data.openIncidents.length === 0 && <p className="muted">{t('trips.noIncidents')}</p>}
            <ul className="plain">
              {data.openIncidents.map((i) => (
                <li key={i.ref}>
                  <strong>{i.ref}</strong> {i.description}{' '}
                  <span className="muted">· {format.dateTime(i.reportedAt)}</span>
                  {i.acknowledged && (
                    <p className="small">
                      <IncidentStatusBadge status={i.status} />{' '}
                      <span className="muted">{format.byAt(i.acknowledged.by, i.acknowledged.at)}</span>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="trip-timeline">
            <h2 id="trip-timeline">{t('trips.timeline')}</h2>
            <Timeline entityType="trip" entityId={data.id} />
          </section>
        </div>
      )}
    </>
  );
}
