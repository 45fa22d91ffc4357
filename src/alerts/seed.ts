// What the engine needs to know at start that the pushes of this run have not told it yet: which
// printers are printing, when the last delivery came, and the recent refusals for the secret.
import type { Db } from '../store/database.js';
import type { Refusal } from './engine.js';

const tableExists = (db: Db, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Printers printing now. The statistics room keeps each printer's state (stats_printers) in the
 * ingest transaction; without it, each printer's latest job event tells the same.
 */
export function seedPrinting(db: Db): Map<string, number> {
  if (tableExists(db, 'stats_printers')) {
    const rows = db
      .prepare<[], { printer_id: string; since: number | null }>(
        "SELECT printer_id, coalesce(job_state_since, job_started_at, last_event_at) AS since FROM stats_printers WHERE job_state = 'printing' AND out_of_order = 0",
      )
      .all();
    const anyPrinter = db.prepare('SELECT 1 FROM stats_printers LIMIT 1').get() !== undefined;
    if (anyPrinter) return new Map(rows.filter((row) => row.since !== null).map((row) => [row.printer_id, row.since!]));
  }
  const rows = db
    .prepare<[], { printer_id: string; event: string; received_at: number }>(`
      SELECT e.printer_id, e.event, e.received_at FROM events e
      JOIN (SELECT printer_id, max(id) AS id FROM events
            WHERE printer_id IS NOT NULL AND event IN ('job.started', 'job.resumed', 'job.paused', 'job.done', 'job.failed', 'job.cancelled')
            GROUP BY printer_id) latest ON latest.id = e.id`)
    .all();
  return new Map(rows.filter((row) => row.event === 'job.started' || row.event === 'job.resumed').map((row) => [row.printer_id, row.received_at]));
}

export function seedLastDelivery(db: Db): number | null {
  return db.prepare<[], { at: number }>('SELECT received_at AS at FROM events ORDER BY id DESC LIMIT 1').get()?.at ?? null;
}

export function seedRefusals(db: Db, since: number): Refusal[] {
  return db
    .prepare<[number], { at: number; reason: Refusal['reason']; remote: string | null }>(
      "SELECT received_at AS at, reason, remote_address AS remote FROM rejections WHERE received_at > ? AND reason IN ('wrong_secret', 'missing_secret') ORDER BY id LIMIT 10000",
    )
    .all(since)
    .map((row) => ({ at: row.at, reason: row.reason, remoteAddress: row.remote }));
}
