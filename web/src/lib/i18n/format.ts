import { useMemo } from 'react';
import { useI18n } from './I18nProvider';

/** Dates, numbers and money in the reader's language, through Intl (no formatting library). */
export function useFormat() {
  const { language } = useI18n();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(language);
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const formatDateTime = (value: string | Date | null | undefined) =>
      value ? dateTime.format(new Date(value)) : '—';
    return {
      dateTime: formatDateTime,
      /** Who did something and when (`Ana · 2 Jun 2026, 10:00`), or only when if nobody is named. */
      byAt: (name: string | null | undefined, at: string | Date) =>
        [name, formatDateTime(at)].filter(Boolean).join(' · '),
      /** A calendar date (`2026-12-01`) stays that day whatever the reader's time zone. */
      day: (value: string | null | undefined) =>
        value ? date.format(new Date(`${value.slice(0, 10)}T12:00:00`)) : '—',
      number: (value: number) => number.format(value),
      percent: (value: number | null | undefined) => (value == null ? '—' : percent.format(value)),
      money: (amount: string | number, currency: string) =>
        new Intl.NumberFormat(language, { style: 'currency', currency }).format(Number(amount)),
    };
  }, [language]);
}
