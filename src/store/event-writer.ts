// The statements one stored delivery costs, prepared once. Runs inside the ingest transaction.
import type { EventDescription } from '../shared/events.js';
import type { ExtractedFields } from '../events/extract.js';
import type { Db } from './database.js';
import type { Delivery } from './batch-committer.js';

/** What free-text search looks through: the names people remember, and the label in both languages. */
function searchText(fields: ExtractedFields, description: EventDescription): string {
  return [
    fields.event,
    description.label.en,
    description.label.ru,
    fields.printerName,
    fields.jobFile,
    fields.userName,
    fields.queueFile,
  ]
    .filter((part) => part !== null && part !== '')
    .join('\n');
}

export function prepareEventWriter(db: Db) {
  const findByHash = db.prepare<[Buffer], { id: number; duplicates: number }>(
    'SELECT id, duplicates FROM events WHERE body_hash = ?',
  );
  const bumpDuplicate = db.prepare('UPDATE events SET duplicates = duplicates + 1, last_duplicate_at = ? WHERE id = ?');
  const insertEvent = db.prepare(`
    INSERT INTO events (received_at, event, category, event_ts, webhook_id, printer_id, printer_name,
      job_id, job_uid, job_file, job_state, user_name, queue_file, body_hash)
    VALUES (@receivedAt, @event, @category, @timestamp, @webhookId, @printerId, @printerName,
      @jobId, @jobUid, @jobFile, @jobState, @userName, @queueFile, @hash)`);
  const insertPayload = db.prepare(
    'INSERT INTO event_payloads (event_id, raw, headers, remote_address) VALUES (?, ?, ?, ?)',
  );
  const insertSearch = db.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)');
  const countEvent = db.prepare(`
    INSERT INTO event_counts (event, category, count) VALUES (?, ?, 1)
    ON CONFLICT (event) DO UPDATE SET count = count + 1`);
  const bumpCounter = db.prepare(`
    INSERT INTO counters (name, value) VALUES (?, 1)
    ON CONFLICT (name) DO UPDATE SET value = value + 1`);

  return {
    /** When this exact body is already stored: count the re-delivery and return the original. */
    markDuplicate(hash: Buffer, receivedAt: number): { id: number; duplicates: number } | null {
      const original = findByHash.get(hash);
      if (!original) return null;
      bumpDuplicate.run(receivedAt, original.id);
      bumpCounter.run('duplicates');
      return { id: original.id, duplicates: original.duplicates + 1 };
    },

    insert(delivery: Delivery & { raw: Buffer }, fields: ExtractedFields, description: EventDescription, hash: Buffer): number {
      const id = Number(insertEvent.run({ ...fields, receivedAt: delivery.receivedAt, hash }).lastInsertRowid);
      insertPayload.run(id, delivery.raw, JSON.stringify(delivery.headers), delivery.remoteAddress);
      insertSearch.run(id, searchText(fields, description));
      countEvent.run(fields.event, fields.category);
      return id;
    },
  };
}
