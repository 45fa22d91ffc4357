// Reads the event store for the control API: pages of the log, one event in full, the summary,
// and the retention count/delete.
import { describeEvent } from '../shared/events.js';
import type { EventCategory } from '../shared/catalogue.js';
import type { EventDetail, EventItem, EventPage, EventQuery, StatsSummary } from '../shared/schemas.js';
import type { CommittedEvent } from './batch-committer.js';
import type { Db } from './database.js';
import { buildEventQuery, EVENT_COLUMNS, FIRST_ID_AT_OR_AFTER } from './event-query.js';
import { INDEXED_UPTO, SEARCH_SCHEMA } from './search-index.js';

/** An `events` row as SQLite returns it (EVENT_COLUMNS). */
export interface EventRow {
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
  duplicates: number;
}

/** A row's columns under the names the code uses (a StoredEvent without its payload). */
export function eventFields(row: Omit<EventRow, 'duplicates'>): CommittedEvent {
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
  };
}

/** The API's view of an event, from its fields: the same for a page, a detail and a live push. */
export function toEventItem(event: CommittedEvent, duplicates = 0): EventItem {
  const description = describeEvent(event.event);
  return {
    id: String(event.id),
    receivedAt: new Date(event.receivedAt).toISOString(),
    timestamp: event.timestamp,
    event: event.event,
    category: event.category,
    label: description.label.en,
    known: description.known,
    canonical: description.canonical,
    webhookId: event.webhookId,
    printerId: event.printerId,
    printerName: event.printerName,
    jobId: event.jobId,
    jobUid: event.jobUid,
    jobFile: event.jobFile,
    jobState: event.jobState,
    userName: event.userName,
    queueFile: event.queueFile,
    duplicates,
  };
}

const rowToItem = (row: EventRow) => toEventItem(eventFields(row), row.duplicates);

const DAY_MS = 86_400_000;
const DELETE_CHUNK = 5000;

export function createEventReader(db: Db) {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  /** Filter combinations repeat; their prepared statements are kept. */
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const byId = db.prepare<[number], EventRow & { raw: Buffer; headers: string; remote_address: string | null }>(
    `SELECT ${EVENT_COLUMNS}, p.raw, p.headers, p.remote_address
     FROM events e JOIN event_payloads p ON p.event_id = e.id WHERE e.id = ?`,
  );
  const counts = db.prepare<[], { event: string; category: string; count: number }>(
    'SELECT event, category, count FROM event_counts WHERE count > 0',
  );
  const counter = db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?');
  const newest = db.prepare<[], { received_at: number }>('SELECT received_at FROM events ORDER BY id DESC LIMIT 1');
  const boundary = db.prepare<[number], { id: number }>(`SELECT ${FIRST_ID_AT_OR_AFTER} AS id`);
  const countBelow = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM events WHERE id < ?');
  const oldestChunk = db.prepare<[number, number], { id: number; event: string }>(
    'SELECT id, event FROM events WHERE id < ? ORDER BY id LIMIT ?',
  );
  const deleteEvent = db.prepare('DELETE FROM events WHERE id = ?');
  // The search file keeps no text of a deleted event (events it has not indexed yet are not there).
  const deleteSearch = db.prepare(
    `DELETE FROM ${SEARCH_SCHEMA}.events_fts WHERE rowid = ? AND rowid <= ${INDEXED_UPTO}`,
  );
  // Ids are never handed out twice (see core-0002-search-file): remember the highest one deleted.
  const retireUpTo = db.prepare(`
    INSERT INTO store_meta (name, value) VALUES ('last_event_id', ?)
    ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`);
  const uncount = db.prepare('UPDATE event_counts SET count = count - ? WHERE event = ?');

  /** Ids below this were received before `cutoff`. */
  const firstIdAtOrAfter = (cutoff: number): number => Math.min(boundary.get(cutoff)!.id, Number.MAX_SAFE_INTEGER);

  return {
    list(query: EventQuery): EventPage {
      const { sql, params, limit } = buildEventQuery(query);
      const rows = prepared(sql).all(params) as EventRow[];
      const items = rows.map(rowToItem);
      const last = items.at(-1);
      return { items, nextCursor: items.length === limit && last ? last.id : null };
    },

    get(id: number): EventDetail | null {
      const row = byId.get(id);
      if (!row) return null;
      const raw = row.raw.toString('utf8');
      return {
        ...rowToItem(row),
        payload: JSON.parse(raw) as unknown,
        raw,
        headers: JSON.parse(row.headers) as Record<string, string>,
        remoteAddress: row.remote_address,
      };
    },

    summary(): StatsSummary {
      const byEvent: Record<string, number> = {};
      const byCategory: Record<string, number> = {};
      let total = 0;
      for (const row of counts.all()) {
        byEvent[row.event] = row.count;
        byCategory[row.category] = (byCategory[row.category] ?? 0) + row.count;
        total += row.count;
      }
      const last = newest.get();
      return {
        total,
        byEvent,
        byCategory,
        rejected: counter.get('rejected')?.value ?? 0,
        duplicates: counter.get('duplicates')?.value ?? 0,
        lastEventAt: last ? new Date(last.received_at).toISOString() : null,
      };
    },

    lastReceivedAt(): number | null {
      return newest.get()?.received_at ?? null;
    },

    countOlderThan(days: number, now = Date.now()): number {
      return countBelow.get(firstIdAtOrAfter(now - days * DAY_MS))?.n ?? 0;
    },

    /**
     * Deletes events received more than `days` ago, in chunks so deliveries keep flowing in between
     * (each chunk is its own short transaction). Rollup history (hourly counts) is kept.
     */
    deleteOlderThan(days: number, now = Date.now()): number {
      const below = firstIdAtOrAfter(now - days * DAY_MS);
      let deleted = 0;
      const deleteChunk = db.transaction(() => {
        const chunk = oldestChunk.all(below, DELETE_CHUNK);
        const perEvent = new Map<string, number>();
        if (chunk.length > 0) retireUpTo.run(chunk.at(-1)!.id);
        for (const row of chunk) {
          deleteSearch.run(row.id);
          deleteEvent.run(row.id);
          perEvent.set(row.event, (perEvent.get(row.event) ?? 0) + 1);
        }
        for (const [event, n] of perEvent) uncount.run(n, event);
        return chunk.length;
      });
      // IMMEDIATE: the chunk is read, then deleted; see batch-committer.ts.
      for (let n = deleteChunk.immediate(); n > 0; n = deleteChunk.immediate()) deleted += n;
      return deleted;
    },
  };
}

export type EventReader = ReturnType<typeof createEventReader>;
