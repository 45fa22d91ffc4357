import type { Migration } from '../migrate.js';

// The event store. `events` is kept narrow (the log, filters and paging only touch it); the raw body
// and headers live in `event_payloads`, read only when one event is opened. Every filter column has
// an index; SQLite appends the rowid to each index, so "WHERE printer_id = ? AND id < ? ORDER BY id
// DESC" is one index range scan: keyset paging that stays fast at millions of rows.
export const coreEvents: Migration = {
  id: 'core-0001-events',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        received_at INTEGER NOT NULL,
        event TEXT NOT NULL,
        category TEXT NOT NULL,
        event_ts INTEGER,
        webhook_id TEXT,
        printer_id TEXT,
        printer_name TEXT,
        job_id TEXT,
        job_uid TEXT,
        job_file TEXT,
        job_state TEXT,
        user_name TEXT,
        queue_file TEXT,
        body_hash BLOB NOT NULL,
        duplicates INTEGER NOT NULL DEFAULT 0,
        last_duplicate_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX events_body_hash ON events (body_hash);
      CREATE INDEX events_received_at ON events (received_at);
      CREATE INDEX events_event ON events (event);
      CREATE INDEX events_category ON events (category);
      CREATE INDEX events_printer ON events (printer_id) WHERE printer_id IS NOT NULL;
      CREATE INDEX events_job ON events (job_id) WHERE job_id IS NOT NULL;
      CREATE INDEX events_job_uid ON events (job_uid) WHERE job_uid IS NOT NULL;

      CREATE TABLE event_payloads (
        event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
        raw BLOB NOT NULL,
        headers TEXT NOT NULL,
        remote_address TEXT
      ) STRICT;

      -- Free-text search over names people type: file, printer, user, queue file and label.
      -- Trigram tokens match any substring of three or more characters, Cyrillic included.
      CREATE VIRTUAL TABLE events_fts USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
      );

      -- Totals kept in the ingest transaction, so the summary never scans the events table
      -- (time-bucketed rollups belong to the statistics room).
      CREATE TABLE event_counts (
        event TEXT PRIMARY KEY,
        category TEXT NOT NULL,
        count INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;

      -- Refused deliveries, kept apart from events and bounded (see RejectionLog).
      CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        received_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        status INTEGER NOT NULL,
        message TEXT NOT NULL,
        remote_address TEXT,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        headers TEXT NOT NULL,
        body_size INTEGER NOT NULL,
        body_sample BLOB NOT NULL
      ) STRICT;
    `);
  },
};
