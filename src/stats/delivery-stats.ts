// Deliveries per hour or day, stacked by category: GET /api/v1/stats/deliveries. Read from the hourly
// rollup; day buckets start at local midnight (tzOffset), exact for whole-hour offsets.
import type { Db } from '../store/database.js';
import { EVENT_CATEGORIES } from '../shared/catalogue.js';
import type { DeliveryBucket, DeliveryStats, StatsRangeQuery } from '../shared/stats.js';
import { assertChartable, rangeDto, resolveRange, type ResolvedRange } from './range.js';
import { DAY_MS, HOUR_MS } from './time.js';

const zeroCounts = (): Record<string, number> => Object.fromEntries(EVENT_CATEGORIES.map((c) => [c, 0]));

/** The range widened outwards to whole buckets. */
export function bucketBounds(range: ResolvedRange): { starts: number[]; size: number } {
  const size = range.bucket === 'hour' ? HOUR_MS : DAY_MS;
  const shift = range.bucket === 'day' ? range.tzOffset * 60_000 : 0;
  const first = Math.floor((range.from + shift) / size) * size - shift;
  const starts: number[] = [];
  for (let start = first; start < range.to; start += size) starts.push(start);
  return { starts, size };
}

export function prepareDeliveryStatsQuery(db: Db) {
  const hours = db.prepare<[number, number], { hour: number; category: string; count: number }>(
    'SELECT hour, category, count FROM stats_deliveries_hourly WHERE hour >= ? AND hour < ?',
  );

  /** Deliveries in whole hours overlapping [from, to), by category. */
  function countByCategory(from: number, to: number): { byCategory: Record<string, number>; total: number } {
    const byCategory = zeroCounts();
    let total = 0;
    for (const row of hours.all(Math.floor(from / HOUR_MS), Math.ceil(to / HOUR_MS))) {
      byCategory[row.category] = (byCategory[row.category] ?? 0) + row.count;
      total += row.count;
    }
    return { byCategory, total };
  }

  function deliveryStats(query: StatsRangeQuery, now: number): DeliveryStats {
    const range = resolveRange(query, now);
    assertChartable(range);
    const { starts, size } = bucketBounds(range);
    const buckets: DeliveryBucket[] = starts.map((start) => ({
      start: new Date(start).toISOString(),
      counts: zeroCounts(),
      total: 0,
    }));
    const first = starts[0]!;
    const byCategory = zeroCounts();
    let total = 0;
    for (const row of hours.all(Math.floor(first / HOUR_MS), Math.ceil((first + starts.length * size) / HOUR_MS))) {
      const bucket = buckets[Math.floor((row.hour * HOUR_MS - first) / size)];
      if (!bucket) continue;
      bucket.counts[row.category] = (bucket.counts[row.category] ?? 0) + row.count;
      bucket.total += row.count;
      byCategory[row.category] = (byCategory[row.category] ?? 0) + row.count;
      total += row.count;
    }
    return { range: rangeDto(range), buckets, byCategory, total };
  }

  return { deliveryStats, countByCategory };
}
