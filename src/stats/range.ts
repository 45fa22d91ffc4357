// Turns the statistics query (from, to, bucket, tzOffset) into numbers, with the documented defaults.
import type { StatsBucket, StatsRange, StatsRangeQuery } from '../shared/stats.js';
import { DAY_MS, HOUR_MS } from './time.js';

export class StatsQueryError extends Error {}

export interface ResolvedRange {
  from: number;
  to: number;
  bucket: StatsBucket;
  /** Minutes east of UTC. */
  tzOffset: number;
}

/** Charts beyond this many buckets would be unreadable and slow to draw. */
export const MAX_BUCKETS = 5000;

function parseTime(value: string, name: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new StatsQueryError(`"${name}" must be an ISO-8601 date or Unix milliseconds.`);
  return ms;
}

export function resolveRange(query: StatsRangeQuery, now: number): ResolvedRange {
  const to = query.to !== undefined ? parseTime(query.to, 'to') : now;
  const from = query.from !== undefined ? parseTime(query.from, 'from') : to - DAY_MS;
  if (from >= to) throw new StatsQueryError('"from" must be before "to".');
  const bucket = query.bucket ?? (to - from <= 2 * DAY_MS ? 'hour' : 'day');
  const tzOffset = query.tzOffset ?? 0;
  return { from, to, bucket, tzOffset };
}

/** For charts only: figures over any range are fine, thousands of bars are not. */
export function assertChartable(range: ResolvedRange): void {
  if ((range.to - range.from) / (range.bucket === 'hour' ? HOUR_MS : DAY_MS) > MAX_BUCKETS) {
    throw new StatsQueryError(`That range has more than ${MAX_BUCKETS} ${range.bucket} buckets; choose a larger bucket.`);
  }
}

export function rangeDto(range: ResolvedRange): StatsRange {
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    bucket: range.bucket,
    tzOffset: range.tzOffset,
  };
}
