import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api/client';

export type Summary = ResponseOf<'/analytics/summary', 'get'>;

const dayStart = (daysAgo: number) => {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - daysAgo);
  return d;
};

const summary = (from: Date, to: Date) =>
  unwrap(
    api.GET('/analytics/summary', { params: { query: { from: from.toISOString(), to: to.toISOString() } } }),
  );

/** The period's totals (`days` back from the end of today). */
export const usePeriodSummary = (days: number) =>
  useQuery({
    queryKey: ['analytics', 'period', days],
    queryFn: () => summary(dayStart(days - 1), dayStart(-1)),
  });

/** One summary per day of the period, for the charts: the API answers any range, so a day is a range. */
export function useDailySummaries(days: number) {
  const results = useQueries({
    queries: Array.from({ length: days }, (_, i) => {
      const from = dayStart(days - 1 - i);
      return {
        queryKey: ['analytics', 'day', from.toISOString()],
        queryFn: () => summary(from, dayStart(days - 2 - i)),
      };
    }),
  });
  return {
    days: results.every((r) => r.data) ? results.map((r) => r.data!) : undefined,
    error: results.find((r) => r.error)?.error,
  };
}
