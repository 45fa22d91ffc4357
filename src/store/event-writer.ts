// The statements one stored delivery costs, prepared once. Runs inside the ingest transaction. The
// free-text index is not among them: it is built beside the store, off the acknowledgement path
// (search-index.ts).
import type { ExtractedFields } from '../events/extract.js';
import type { Db } from './database.js';
import type { Delivery } from './batch-committer.js';

/**
 * The highest event id ever handed out. Ids only go up, even after retention has emptied the table
 * and SQLite would start again at 1: retention records the highest id it deleted (see
 * core-0002-search-file).
 */
export const HIGHEST_EVENT_ID = `max(coalesce((SELECT max(id) FROM events), 0),
  coalesce((SELECT value FROM store_meta WHERE name = 'last_event_id'), 0))`;
const NEXT_EVENT_ID = `(${HIGHEST_EVENT_ID} + 1)`;

export function prepareEventWriter(db: Db) {
  // `event_ts IS ?` matches NULL too, and still uses the index (core-0003-dedup-index).
  const findByHash = db.prepare<[number | null, Buffer], { id: number; duplicates: number }>(
    'SELECT id, duplicates FROM events WHERE event_ts IS ? AND body_hash = ?',
  );
  const bumpDuplicate = db.prepare('UPDATE events SET duplicates = duplicates + 1, last_duplicate_at = ? WHERE id = ?');
  const insertEvent = db.prepare(`
    INSERT INTO events (id, received_at, event, category, event_ts, webhook_id, printer_id, printer_name,
      job_id, job_uid, job_file, job_state, user_name, queue_file, body_hash)
    VALUES (${NEXT_EVENT_ID}, @receivedAt, @event, @category, @timestamp, @webhookId, @printerId, @printerName,
      @jobId, @jobUid, @jobFile, @jobState, @userName, @queueFile, @hash)`);
  const insertPayload = db.prepare(
    'INSERT INTO event_payloads (event_id, raw, headers, remote_address) VALUES (?, ?, ?, ?)',
  );
  const countEvent = db.prepare(`
    INSERT INTO event_counts (event, category, count) VALUES (?, ?, 1)
    ON CONFLICT (event) DO UPDATE SET count = count + 1`);
  const bumpCounter = db.prepare(`
    INSERT INTO counters (name, value) VALUES (?, 1)
    ON CONFLICT (name) DO UPDATE SET value = value + 1`);

  return {
    /** When this exact body is already stored: count the re-delivery and return the original. */
    markDuplicate(timestamp: number | null, hash: Buffer, receivedAt: number): { id: number; duplicates: number } | null {
      const original = findByHash.get(timestamp, hash);
      if (!original) return null;
      bumpDuplicate.run(receivedAt, original.id);
      bumpCounter.run('duplicates');
      return { id: original.id, duplicates: original.duplicates + 1 };
    },

    insert(delivery: Delivery & { raw: Buffer }, fields: ExtractedFields, hash: Buffer): number {
      const id = Number(insertEvent.run({ ...fields, receivedAt: delivery.receivedAt, hash }).lastInsertRowid);
      insertPayload.run(id, delivery.raw, JSON.stringify(delivery.headers), delivery.remoteAddress);
      countEvent.run(fields.event, fields.category);
      return id;
    },
  };
}
