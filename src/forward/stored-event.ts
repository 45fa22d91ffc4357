// Reads an event back in the shape the ingest hooks saw it (StoredEvent), for sending or replaying.
import type { Db } from '../store/database.js';
import type { EventCategory } from '../shared/catalogue.js';
import type { StoredEvent } from '../store/hooks.js';

interface Row {
  id: number;
  received_at: number;
  event: string;
  category: string;
  event_ts: number | null;
  webhook_id: string | null;
  printer_id: string | null;
  printer_name: string | null;
  job_id: string | null;
  job_uid: string | null;
  job_file: string | null;
  job_state: string | null;
  user_name: string | null;
  queue_file: string | null;
  raw: Buffer | null;
}

function parseBody(raw: Buffer | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const body: unknown = JSON.parse(raw.toString('utf8'));
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function prepareStoredEventReader(db: Db): (id: number) => StoredEvent | null {
  const select = db.prepare(
    `SELECT e.id, e.received_at, e.event, e.category, e.event_ts, e.webhook_id, e.printer_id, e.printer_name,
            e.job_id, e.job_uid, e.job_file, e.job_state, e.user_name, e.queue_file, p.raw
     FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id WHERE e.id = ?`,
  );
  return (id) => {
    const row = select.get(id) as Row | undefined;
    if (!row) return null;
    return {
      id: row.id,
      receivedAt: row.received_at,
      event: row.event,
      category: row.category as EventCategory,
      timestamp: row.event_ts,
      webhookId: row.webhook_id,
      printerId: row.printer_id,
      printerName: row.printer_name,
      jobId: row.job_id,
      jobUid: row.job_uid,
      jobFile: row.job_file,
      jobState: row.job_state,
      userName: row.user_name,
      queueFile: row.queue_file,
      payload: parseBody(row.raw),
    };
  };
}

/** The synthetic event a "Send test" delivers: SimplyPrint's own `test` event, with no printer. */
export function testEvent(now: number): StoredEvent {
  return {
    id: 0,
    receivedAt: now,
    event: 'test',
    category: 'test',
    timestamp: Math.floor(now / 1000),
    webhookId: null,
    printerId: null,
    printerName: null,
    jobId: null,
    jobUid: null,
    jobFile: null,
    jobState: null,
    userName: null,
    queueFile: null,
    payload: { event: 'test', timestamp: Math.floor(now / 1000), data: { source: 'FarmHook' } },
  };
}
