import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { SelectField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useDailySummaries, usePeriodSummary } from '../api/analytics';
import { DailyMessagesChart, FunnelChart } from './Charts';

/** Messages, rates, first response and the sales funnel over a period, with daily charts. */
export default function AnalyticsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState(14);
  const period = usePeriodSummary(days);
  const daily = useDailySummaries(days);
  const p = period.data;
  const minutes =
    p?.firstResponse.medianSeconds == null
      ? '—'
      : format.number(Math.round(p.firstResponse.medianSeconds / 60));
  return (
    <>
      <PageHeader title={t('nav.analytics')} />
      <div className="filters">
        <SelectField
          label={t('analytics.period')}
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value))}
          options={[7, 14, 30].map((d) => ({
            value: String(d),
            label: t('analytics.lastDays', { days: d }),
          }))}
        />
      </div>
      <ErrorAlert error={period.error ?? daily.error} />
      {p && (
        <ul className="stats">
          <Stat label={t('analytics.sent')} value={format.number(p.messages.sent)} />
          <Stat label={t('analytics.received')} value={format.number(p.messages.received)} />
          <Stat label={t('analytics.deliveryRate')} value={format.percent(p.messages.deliveryRate)} />
          <Stat label={t('analytics.readRate')} value={format.percent(p.messages.readRate)} />
          <Stat label={t('analytics.firstResponse')} value={t('analytics.minutes', { n: minutes })} />
          <Stat label={t('analytics.leadToBooking')} value={format.percent(p.funnel.leadToBooking)} />
        </ul>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="chart-messages">
          <h2 id="chart-messages">{t('analytics.messagesPerDay')}</h2>
          {daily.days && <DailyMessagesChart days={daily.days} />}
        </section>
        <section className="card" aria-labelledby="chart-funnel">
          <h2 id="chart-funnel">{t('analytics.funnel')}</h2>
          {p && <FunnelChart summary={p} />}
        </section>
      </div>
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <li className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </li>
  );
}
