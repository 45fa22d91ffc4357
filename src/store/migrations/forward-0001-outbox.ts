import type { Migration } from '../migrate.js';

// Forwarding: destinations, the outbox (one job per event and destination, written in the ingest
// transaction) and the attempt log. Jobs and attempts hang off events with ON DELETE CASCADE, so
// forwarding history follows the event retention. Test sends have no event and carry their own
// payload. `forward_jobs_due` is the worker's only hot query: partial, so finished jobs cost nothing.
export const forwardOutbox: Migration = {
  id: 'forward-0001-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE forward_destinations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        settings TEXT NOT NULL,
        secrets TEXT,
        paused_at INTEGER,
        state_reason TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_success_at INTEGER,
        last_failure_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE forward_jobs (
        id INTEGER PRIMARY KEY,
        delivery_id TEXT NOT NULL UNIQUE,
        destination_id INTEGER NOT NULL REFERENCES forward_destinations (id) ON DELETE CASCADE,
        event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        due_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_status_code INTEGER,
        last_error TEXT
      ) STRICT;
      CREATE INDEX forward_jobs_due ON forward_jobs (due_at, id) WHERE status IN ('pending', 'retrying');
      CREATE INDEX forward_jobs_destination ON forward_jobs (destination_id, status, id);
      CREATE INDEX forward_jobs_event ON forward_jobs (event_id) WHERE event_id IS NOT NULL;

      CREATE TABLE forward_attempts (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES forward_jobs (id) ON DELETE CASCADE,
        destination_id INTEGER NOT NULL,
        attempt INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        ok INTEGER NOT NULL,
        status_code INTEGER,
        response_body TEXT,
        error TEXT
      ) STRICT;
      CREATE INDEX forward_attempts_job ON forward_attempts (job_id);
      CREATE INDEX forward_attempts_destination ON forward_attempts (destination_id, started_at);
    `);
  },
};
