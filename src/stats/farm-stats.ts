// Farm totals, top failing printers and queue activity: GET /api/v1/stats/farm.
import type { Db } from '../store/database.js';
import type { FarmStats, QueueStats, StatsRangeQuery } from '../shared/stats.js';
import { addTotals, emptyTotals, jobFigures } from './figures.js';
import { prepareDeliveryStatsQuery } from './delivery-stats.js';
import { capacityMs, preparePrinterTotals, printerStats } from './printer-stats.js';
import { rangeDto, resolveRange } from './range.js';

export const TOP_FAILING = 5;

export function prepareFarmStatsQuery(db: Db) {
  const printerTotals = preparePrinterTotals(db);
  const { countByCategory } = prepareDeliveryStatsQuery(db);
  // One index range per kind (a GROUP BY over the range would walk every kind's whole history).
  const queueCount = db.prepare<[string, number, number], { n: number }>(
    'SELECT count(*) AS n FROM stats_queue_events WHERE kind = ? AND at >= ? AND at < ?',
  );
  const printingNow = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM stats_printers WHERE job_state IN ('printing', 'paused')",
  );

  return function farmStats(query: StatsRangeQuery, now: number): FarmStats {
    const range = resolveRange(query, now);
    const capacity = capacityMs(range, now);
    const printers = printerTotals(range, now);
    const farm = printers.reduce((sum, p) => addTotals(sum, p.totals), emptyTotals());

    const queue: QueueStats = { added: 0, pendingApproval: 0, approved: 0, denied: 0, removed: 0 };
    for (const kind of Object.keys(queue) as (keyof QueueStats)[]) queue[kind] = queueCount.get(kind, range.from, range.to)!.n;

    const topFailing = printers
      .filter((p) => p.totals.failed > 0)
      .map((p) => printerStats(p, capacity))
      .sort(
        (a, b) =>
          b.jobsFailed - a.jobsFailed ||
          (a.successRate ?? 1) - (b.successRate ?? 1) ||
          a.printerId.localeCompare(b.printerId),
      )
      .slice(0, TOP_FAILING);

    return {
      range: rangeDto(range),
      totals: {
        printers: printers.length,
        printingNow: printingNow.get()!.n,
        deliveries: countByCategory(range.from, range.to).total,
        ...jobFigures(farm, capacity * printers.length),
      },
      topFailing,
      queue,
    };
  };
}
