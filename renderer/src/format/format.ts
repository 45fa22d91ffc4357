// Dates, numbers and durations in the operator's chosen language (not the browser's), via Intl.
// Formatters are cached per locale and options: constructing Intl objects per table cell is slow.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A 0..1 fraction as a percentage; null (no data) as an em dash. */
export function formatPercent(fraction: number | null, locale: string): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Hours as "12.5 h" / "12,5 ч"; null as an em dash. */
export function formatHours(hours: number | null, locale: string): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  const digits = hours >= 100 ? 0 : 1;
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: digits }).format(hours);
}

/** A span as its two largest units: "3 d 4 h", "2 h 5 min", "45 s". */
export function formatDuration(ms: number, locale: string): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(totalSeconds / 86_400), 'day'],
    [Math.floor((totalSeconds % 86_400) / 3600), 'hour'],
    [Math.floor((totalSeconds % 3600) / 60), 'minute'],
    [totalSeconds % 60, 'second'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(0);
  return parts
    .slice(first, first + 2)
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n))
    .join(' ');
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // CLDR's short form of a plain byte count reads "31 byte"; the long one says "31 bytes" / "31 байт".
  return numberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

export function formatDateTime(value: string | number | Date, locale: string): string {
  return cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })).format(toDate(value));
}

/** Compact time for dense rows: "14:03:27" today, "12 Mar 14:03" otherwise. */
export function formatRowTime(value: string | number | Date, locale: string, now: Date = new Date()): string {
  const date = toDate(value);
  const sameDay = date.toDateString() === now.toDateString();
  const format = sameDay
    ? cached(`rt1|${locale}`, () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }))
    : cached(`rt2|${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }));
  return format.format(date);
}

/** Chart axis ticks: hours for hourly buckets, day and month for daily ones. */
export function formatBucket(value: string, bucket: 'hour' | 'day', locale: string): string {
  const options: Intl.DateTimeFormatOptions = bucket === 'hour' ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' };
  return cached(`b|${bucket}|${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(new Date(value));
}

/** "5 minutes ago", "just now"-style text ("now" under 10 s). */
export function formatRelative(value: string | number | Date, locale: string, now: number = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - now) / 1000);
  const rtf = cached(`rel|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 10) return rtf.format(0, 'second');
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}
