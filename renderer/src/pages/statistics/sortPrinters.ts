// Sorting of the per-printer table. Missing figures (null) sort last whichever the direction.
import type { PrinterStats } from '../../../../src/shared/stats.js';

export type PrinterColumn = 'name' | 'jobsFinished' | 'jobsFailed' | 'jobsCancelled' | 'successRate' | 'successRateByHours' | 'printHours' | 'utilisation' | 'mtbfHours' | 'avgJobHours';
export interface PrinterSort {
  column: PrinterColumn;
  descending: boolean;
}

export function sortPrinters(rows: readonly PrinterStats[], sort: PrinterSort, locale: string): PrinterStats[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return direction * collator.compare(a.printerName ?? a.printerId, b.printerName ?? b.printerId);
    const x = a[sort.column];
    const y = b[sort.column];
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * (x - y);
  });
}
