// Every printer with its current state: GET /api/v1/printers. Out of order and maintenance win over
// what the job events say; a print running far past its estimate is flagged stale (lost job.done).
import type { Db } from '../store/database.js';
import type { PrinterState, PrinterStateItem, PrinterStateList } from '../shared/stats.js';
import type { JobState } from './printer-state-rollup.js';
import { byPrinterName } from './printer-order.js';
import { staleAt } from './session-math.js';

interface Row {
  printer_id: string;
  name: string | null;
  last_event: string | null;
  last_event_at: number | null;
  job_state: JobState;
  job_state_since: number | null;
  job_key: string | null;
  job_file: string | null;
  job_started_at: number | null;
  out_of_order: number;
  out_of_order_since: number | null;
  maintenance: number;
  maintenance_since: number | null;
  session_started_at: number | null;
  session_end_at: number | null;
  session_paused_ms: number | null;
  session_estimate_ms: number | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function preparePrinterStatesQuery(db: Db) {
  const rows = db.prepare<[], Row>(`
    SELECT p.*, s.started_at AS session_started_at, s.end_at AS session_end_at, s.paused_ms AS session_paused_ms,
      s.estimate_ms AS session_estimate_ms
    FROM stats_printers p LEFT JOIN stats_sessions s ON s.printer_id = p.printer_id AND s.job_key = p.job_key`);

  return function printerStates(now: number): PrinterStateList {
    const items = rows.all().map((r): PrinterStateItem => {
      let state: PrinterState = r.job_state;
      let since = r.job_state_since;
      if (r.maintenance) [state, since] = ['maintenance', r.maintenance_since];
      if (r.out_of_order) [state, since] = ['out_of_order', r.out_of_order_since];
      const running = r.job_state === 'printing' || r.job_state === 'paused';
      const stale =
        running &&
        r.session_started_at !== null &&
        r.session_end_at === null &&
        now > staleAt(r.session_started_at, r.session_paused_ms ?? 0, r.session_estimate_ms);
      return {
        printerId: r.printer_id,
        printerName: r.name,
        state,
        since: iso(since),
        jobState: r.job_state,
        currentJobId: r.job_key,
        currentFile: r.job_file,
        jobStartedAt: iso(r.job_started_at),
        stale,
        lastEvent: r.last_event,
        lastEventAt: iso(r.last_event_at),
      };
    });
    items.sort(byPrinterName);
    return { items };
  };
}
