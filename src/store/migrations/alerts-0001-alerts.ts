import type { Migration } from '../migrate.js';

// Alerts and their history (src/alerts/). One row per alert: a flapping condition updates its row
// (count, last seen) rather than adding rows. At most one open (unresolved) alert per key; resolved
// ones stay as history. `event_id` is deliberately not a foreign key: retention may delete the event
// while the alert's history is kept. Settings are one JSON document.
export const alertsTables: Migration = {
  id: 'alerts-0001-alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        printer_id TEXT,
        printer_name TEXT,
        file TEXT,
        event_id TEXT,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
        notified_at INTEGER,
        clearing_since INTEGER,
        acknowledged_at INTEGER,
        resolved_at INTEGER,
        resolution TEXT
      ) STRICT;
      CREATE UNIQUE INDEX alerts_open_key ON alerts (key) WHERE resolved_at IS NULL;
      CREATE INDEX alerts_open ON alerts (id) WHERE resolved_at IS NULL;

      CREATE TABLE alert_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
