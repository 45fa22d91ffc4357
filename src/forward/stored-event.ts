// Reads an event back in the shape the ingest hooks saw it (StoredEvent), for sending or replaying.
import type { Db } from '../store/database.js';
import { EVENT_COLUMNS } from '../store/event-query.js';
import { eventFields, type EventRow } from '../store/event-reader.js';
import type { StoredEvent } from '../store/hooks.js';

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
    `SELECT ${EVENT_COLUMNS}, p.raw FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id WHERE e.id = ?`,
  );
  return (id) => {
    const row = select.get(id) as (Omit<EventRow, 'duplicates'> & { raw: Buffer | null }) | undefined;
    if (!row) return null;
    return { ...eventFields(row), payload: parseBody(row.raw) };
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
