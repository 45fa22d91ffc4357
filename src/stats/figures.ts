// From summed milliseconds and counts to the figures the API reports. Sums stay integer milliseconds
// until here, so the result does not depend on the order rows were added up in.
import type { PrinterStats } from '../shared/stats.js';
import { HOUR_MS } from './time.js';

export interface JobTotals {
  started: number;
  finished: number;
  failed: number;
  cancelled: number;
  lost: number;
  printMs: number;
  finishedMs: number;
  failedMs: number;
  cancelledMs: number;
}

export const emptyTotals = (): JobTotals => ({
  started: 0,
  finished: 0,
  failed: 0,
  cancelled: 0,
  lost: 0,
  printMs: 0,
  finishedMs: 0,
  failedMs: 0,
  cancelledMs: 0,
});

export function addTotals(into: JobTotals, more: JobTotals): JobTotals {
  for (const key of Object.keys(into) as (keyof JobTotals)[]) into[key] += more[key];
  return into;
}

export type JobFigures = Omit<PrinterStats, 'printerId' | 'printerName'>;

/** `capacityMs`: the time the printer(s) could have printed (range length, × printers for a farm). */
export function jobFigures(t: JobTotals, capacityMs: number): JobFigures {
  const ended = t.finished + t.failed + t.cancelled;
  const endedMs = t.finishedMs + t.failedMs + t.cancelledMs;
  return {
    jobsStarted: t.started,
    jobsFinished: t.finished,
    jobsFailed: t.failed,
    jobsCancelled: t.cancelled,
    jobsLost: t.lost,
    successRate: ended > 0 ? t.finished / ended : null,
    successRateByHours: endedMs > 0 ? t.finishedMs / endedMs : null,
    printHours: t.printMs / HOUR_MS,
    utilisation: capacityMs > 0 ? t.printMs / capacityMs : 0,
    mtbfHours: t.failed > 0 ? t.printMs / HOUR_MS / t.failed : null,
    avgJobHours: t.finished > 0 ? t.finishedMs / HOUR_MS / t.finished : null,
  };
}
