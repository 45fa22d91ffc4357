// Keeps one row per printer with what its latest events say: name, job state (printing / paused /
// finished awaiting bed clear / failed / idle), out of order, in maintenance. Each facet only moves
// forward in event time, so a late or replayed older delivery cannot overwrite a newer state.
import type { Db } from '../store/database.js';

export type JobState = 'printing' | 'paused' | 'finished' | 'failed' | 'idle';

/** The job state each job event leaves the printer in. A cancelled print needs no bed check. */
export const JOB_STATE_AFTER: Readonly<Record<string, JobState>> = {
  'job.started': 'printing',
  'job.resumed': 'printing',
  'job.paused': 'paused',
  'job.done': 'finished',
  'job.failed': 'failed',
  'job.cancelled': 'idle',
  'job.bed_cleared': 'idle',
};

/** Maintenance events that put a printer into (true) or out of (false) maintenance. */
export const MAINTENANCE_AFTER: Readonly<Record<string, boolean>> = {
  'maintenance.job_started': true,
  'maintenance.job_completed': false,
  'maintenance.job_cancelled': false,
  'maintenance.job_deleted': false,
};

export interface PrinterEventInput {
  printerId: string;
  printerName: string | null;
  event: string;
  at: number;
  jobKey: string | null;
  jobFile: string | null;
  jobStartedAt: number | null;
  outOfOrder: boolean | null;
}

interface PrinterRow {
  job_state: JobState;
  job_state_since: number | null;
  job_state_at: number | null;
  job_key: string | null;
  out_of_order: number;
  out_of_order_at: number | null;
  maintenance: number;
  maintenance_at: number | null;
}

export function preparePrinterStateRollup(db: Db) {
  // RETURNING hands back the facets the event may move, saving a read per event.
  const touch = db.prepare<PrinterEventInput, PrinterRow>(`
    INSERT INTO stats_printers (printer_id, name, name_at, first_seen_at, last_event, last_event_at)
    VALUES (@printerId, @printerName, CASE WHEN @printerName IS NULL THEN NULL ELSE @at END, @at, @event, @at)
    ON CONFLICT (printer_id) DO UPDATE SET
      name = CASE WHEN excluded.name IS NOT NULL AND (name_at IS NULL OR excluded.name_at >= name_at) THEN excluded.name ELSE name END,
      name_at = CASE WHEN excluded.name IS NOT NULL AND (name_at IS NULL OR excluded.name_at >= name_at) THEN excluded.name_at ELSE name_at END,
      first_seen_at = min(first_seen_at, excluded.first_seen_at),
      last_event = CASE WHEN last_event_at IS NULL OR excluded.last_event_at >= last_event_at THEN excluded.last_event ELSE last_event END,
      last_event_at = max(coalesce(last_event_at, excluded.last_event_at), excluded.last_event_at)
    RETURNING job_state, job_state_since, job_state_at, job_key, out_of_order, out_of_order_at, maintenance, maintenance_at`);
  const setJobState = db.prepare(`
    UPDATE stats_printers SET job_state = @state, job_state_since = @since, job_state_at = @at,
      job_key = coalesce(@jobKey, job_key),
      job_file = CASE WHEN @jobKey IS NULL THEN job_file ELSE coalesce(@jobFile, CASE WHEN job_key = @jobKey THEN job_file END) END,
      job_started_at = CASE WHEN @jobKey IS NULL THEN job_started_at
        ELSE coalesce(@jobStartedAt, CASE WHEN job_key = @jobKey THEN job_started_at END) END
    WHERE printer_id = @printerId`);
  const setOutOfOrder = db.prepare(`
    UPDATE stats_printers SET out_of_order = @flag, out_of_order_at = @at,
      out_of_order_since = CASE WHEN out_of_order = @flag AND out_of_order_since IS NOT NULL THEN out_of_order_since ELSE @at END
    WHERE printer_id = @printerId`);
  const setMaintenance = db.prepare(`
    UPDATE stats_printers SET maintenance = @flag, maintenance_at = @at,
      maintenance_since = CASE WHEN maintenance = @flag AND maintenance_since IS NOT NULL THEN maintenance_since ELSE @at END
    WHERE printer_id = @printerId`);

  return function record(input: PrinterEventInput): void {
    const row = touch.get(input)!;
    const state = JOB_STATE_AFTER[input.event];
    const maintenance = MAINTENANCE_AFTER[input.event];
    const flagged = input.event === 'printer.out_of_order_state_changed' ? input.outOfOrder : null;
    if (state === undefined && maintenance === undefined && flagged === null) return;

    if (state !== undefined && (row.job_state_at === null || input.at >= row.job_state_at)) {
      const unchanged = state === row.job_state && (input.jobKey === null || input.jobKey === row.job_key);
      setJobState.run({
        printerId: input.printerId,
        state,
        since: unchanged && row.job_state_since !== null ? row.job_state_since : input.at,
        at: input.at,
        jobKey: input.jobKey,
        jobFile: input.jobFile,
        jobStartedAt: input.jobStartedAt ?? (input.event === 'job.started' ? input.at : null),
      });
    }
    if (maintenance !== undefined && (row.maintenance_at === null || input.at >= row.maintenance_at)) {
      setMaintenance.run({ printerId: input.printerId, flag: maintenance ? 1 : 0, at: input.at });
    }
    if (flagged !== null && (row.out_of_order_at === null || input.at >= row.out_of_order_at)) {
      setOutOfOrder.run({ printerId: input.printerId, flag: flagged ? 1 : 0, at: input.at });
    }
  };
}
