// Per-printer job figures over a range: GET /api/v1/stats/printers.
import type { Db } from '../store/database.js';
import type { PrinterStats, PrinterStatsList, StatsRangeQuery } from '../shared/stats.js';
import { emptyTotals, jobFigures, type JobTotals } from './figures.js';
import { prepareJobTotals } from './job-totals.js';
import { byPrinterName } from './printer-order.js';
import { rangeDto, resolveRange, type ResolvedRange } from './range.js';

export interface PrinterTotals {
  printerId: string;
  printerName: string | null;
  totals: JobTotals;
}


export function preparePrinterTotals(db: Db) {
  const jobTotals = prepareJobTotals(db);
  const printers = db.prepare<[number], { printer_id: string; name: string | null }>(
    'SELECT printer_id, name FROM stats_printers WHERE first_seen_at < ?',
  );
  /** Every printer seen before the end of the range (idle ones too: 0 % utilisation is a figure). */
  return function printerTotals(range: ResolvedRange, now: number): PrinterTotals[] {
    const totals = jobTotals(range.from, range.to, now);
    const list = printers.all(range.to).map((p) => ({
      printerId: p.printer_id,
      printerName: p.name,
      totals: totals.get(p.printer_id) ?? emptyTotals(),
    }));
    return list.sort(byPrinterName);
  };
}

/** The time a printer could have printed in the range: the range, up to now. */
export const capacityMs = (range: ResolvedRange, now: number): number => Math.max(0, Math.min(range.to, now) - range.from);

export function printerStats(p: PrinterTotals, capacity: number): PrinterStats {
  return { printerId: p.printerId, printerName: p.printerName, ...jobFigures(p.totals, capacity) };
}

export function preparePrinterStatsQuery(db: Db) {
  const printerTotals = preparePrinterTotals(db);
  return function printerStatsList(query: StatsRangeQuery, now: number): PrinterStatsList {
    const range = resolveRange(query, now);
    const capacity = capacityMs(range, now);
    return { range: rangeDto(range), printers: printerTotals(range, now).map((p) => printerStats(p, capacity)) };
  };
}
