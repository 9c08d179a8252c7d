import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A calendar date (YYYY-MM-DD), shown as the same day everywhere. */
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number | null | undefined) => string;
}

/** Dates and numbers in the chosen language, through Intl. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    return {
      date: (iso) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—'),
      dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '—'),
      number: (value) => (value === null || value === undefined ? '—' : number.format(value)),
    };
  }, [locale]);
}
