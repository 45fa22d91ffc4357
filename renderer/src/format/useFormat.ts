// The formatters bound to the language the operator chose in the dashboard.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as f from './format.js';

export type Lang = 'en' | 'ru';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('ru') ? 'ru' : 'en';
}

export function useFormat() {
  const lang = useLang();
  // English keeps the browser's regional conventions (en-US vs en-GB dates); anything else reads
  // as British English, the more international default.
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  const locale = lang === 'ru' ? 'ru-RU' : browser.startsWith('en') ? browser : 'en-GB';
  return useMemo(
    () => ({
      lang,
      locale,
      number: (n: number, digits?: number) => f.formatNumber(n, locale, digits),
      percent: (n: number | null) => f.formatPercent(n, locale),
      hours: (n: number | null) => f.formatHours(n, locale),
      duration: (ms: number) => f.formatDuration(ms, locale),
      bytes: (n: number) => f.formatBytes(n, locale),
      dateTime: (v: string | number | Date) => f.formatDateTime(v, locale),
      rowTime: (v: string | number | Date) => f.formatRowTime(v, locale),
      bucket: (v: string, b: 'hour' | 'day') => f.formatBucket(v, b, locale),
      relative: (v: string | number | Date, now?: number) => f.formatRelative(v, locale, now),
    }),
    [lang, locale],
  );
}
