// The statistics page's time range: a preset (24 h, 7 d, 30 d) or a custom pair of dates, turned
// into the stats API's query. Day buckets start at the operator's local midnight (tzOffset).
import type { StatsRangeQuery } from '../../../../src/shared/stats.js';

export type RangePreset = '24h' | '7d' | '30d' | 'custom';

export interface RangeChoice {
  preset: RangePreset;
  /** `<input type="date">` values, used when preset is custom; `to` is inclusive (whole day). */
  customFrom: string;
  customTo: string;
}

const HOUR = 3_600_000;
const PRESET_HOURS: Record<Exclude<RangePreset, 'custom'>, number> = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

/** Local midnight of a `YYYY-MM-DD` value, or null when it is not a date. */
function localDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The query for a choice, or null when a custom range is incomplete or reversed. */
export function rangeToQuery(choice: RangeChoice, now: Date = new Date()): StatsRangeQuery | null {
  const tzOffset = -now.getTimezoneOffset();
  if (choice.preset !== 'custom') {
    const hours = PRESET_HOURS[choice.preset];
    // Snap the end to the next whole hour so the chart's last bucket is the current hour.
    const end = new Date(Math.ceil(now.getTime() / HOUR) * HOUR);
    return { from: new Date(end.getTime() - hours * HOUR).toISOString(), to: end.toISOString(), bucket: hours <= 48 ? 'hour' : 'day', tzOffset };
  }
  const from = localDay(choice.customFrom);
  const toDay = localDay(choice.customTo);
  if (!from || !toDay) return null;
  const to = new Date(toDay.getFullYear(), toDay.getMonth(), toDay.getDate() + 1);
  if (to <= from) return null;
  const hours = (to.getTime() - from.getTime()) / HOUR;
  return { from: from.toISOString(), to: to.toISOString(), bucket: hours <= 48 ? 'hour' : 'day', tzOffset };
}

/** Today so far, in local time: the overview's "today" figures. */
export function todayQuery(now: Date = new Date()): StatsRangeQuery {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(Math.ceil(now.getTime() / HOUR) * HOUR);
  return { from: midnight.toISOString(), to: end.toISOString(), bucket: 'hour', tzOffset: -now.getTimezoneOffset() };
}
