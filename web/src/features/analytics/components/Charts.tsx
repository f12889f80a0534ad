import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { Summary } from '../api/analytics';

const dayLabel = (language: string, iso: string) =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(new Date(iso));

/** Sent and received per day; the same figures as a table for screen readers. */
export function DailyMessagesChart({ days }: { days: Summary[] }) {
  const { t, language } = useI18n();
  const data = days.map((d) => ({
    day: dayLabel(language, d.from),
    sent: d.messages.sent,
    received: d.messages.received,
  }));
  return (
    <>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} width={36} />
            <Tooltip />
            <Legend />
            <Bar dataKey="sent" name={t('analytics.sent')} fill="#0b6e4f" />
            <Bar dataKey="received" name={t('analytics.received')} fill="#2f6fb5" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <FiguresTable
        caption={t('analytics.messagesPerDay')}
        headers={[t('analytics.day'), t('analytics.sent'), t('analytics.received')]}
        rows={data.map((d) => [d.day, d.sent, d.received])}
      />
    </>
  );
}

/** Enquiries → leads → bookings over the period. */
export function FunnelChart({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  const data = [
    { stage: t('analytics.enquiries'), count: summary.funnel.enquiries },
    { stage: t('analytics.leads'), count: summary.funnel.leads },
    { stage: t('analytics.bookings'), count: summary.funnel.bookings },
  ];
  return (
    <>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="stage" width={90} fontSize={12} />
            <Tooltip />
            <Bar dataKey="count" name={t('analytics.count')} fill="#0b6e4f" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <FiguresTable
        caption={t('analytics.funnel')}
        headers={[t('analytics.stage'), t('analytics.count')]}
        rows={data.map((d) => [d.stage, d.count])}
      />
    </>
  );
}

function FiguresTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r[0])}>
            {r.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
