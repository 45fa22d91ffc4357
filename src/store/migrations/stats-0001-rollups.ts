import type { Migration } from '../migrate.js';

// Statistics rollups, maintained by the stats ingest hook (src/stats/ingest-hook.ts) inside the ingest
// transaction, so statistics never scan `events`. All times are Unix ms of SimplyPrint's event time.
//
// - stats_sessions: one row per print job per printer (started → paused/resumed → ended). `end_at`
//   and `outcome` are derived: the terminal event's end, or for a job whose ending never arrived
//   ('lost') the start of the printer's next job; NULL while it is still printing.
// - stats_session_marks: pause/resume instants, so pauses pair up whatever order they arrive in.
// - stats_printer_daily: per UTC day and printer, the contributions of closed sessions (printing
//   time clipped to the day, outcomes on the day they ended). Ranges read whole days from here and
//   only the partial days at their edges from stats_sessions.
// - stats_printers: the current state of each printer, from its latest events.
// - stats_queue_events: one row per queue item and kind, so a repeated event counts once.
// - stats_deliveries_hourly: deliveries per event hour and category, for the activity chart.
export const statsRollups: Migration = {
  id: 'stats-0001-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE stats_sessions (
        id INTEGER PRIMARY KEY,
        printer_id TEXT NOT NULL,
        job_key TEXT NOT NULL,
        job_id TEXT,
        job_uid TEXT,
        file TEXT,
        started_at INTEGER NOT NULL,
        start_rank INTEGER NOT NULL,
        terminal TEXT,
        terminal_at INTEGER,
        ended_at INTEGER,
        estimate_ms INTEGER,
        last_at INTEGER NOT NULL,
        outcome TEXT,
        end_at INTEGER,
        paused_ms INTEGER NOT NULL DEFAULT 0,
        UNIQUE (printer_id, job_key)
      ) STRICT;
      CREATE INDEX stats_sessions_printer_start ON stats_sessions (printer_id, started_at);
      CREATE INDEX stats_sessions_start ON stats_sessions (started_at);
      CREATE INDEX stats_sessions_open ON stats_sessions (printer_id) WHERE end_at IS NULL;

      CREATE TABLE stats_session_marks (
        session_id INTEGER NOT NULL REFERENCES stats_sessions (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (session_id, at, kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stats_printer_daily (
        day INTEGER NOT NULL,
        printer_id TEXT NOT NULL,
        started INTEGER NOT NULL DEFAULT 0,
        finished INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        cancelled INTEGER NOT NULL DEFAULT 0,
        lost INTEGER NOT NULL DEFAULT 0,
        print_ms INTEGER NOT NULL DEFAULT 0,
        finished_ms INTEGER NOT NULL DEFAULT 0,
        failed_ms INTEGER NOT NULL DEFAULT 0,
        cancelled_ms INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, printer_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stats_printers (
        printer_id TEXT PRIMARY KEY,
        name TEXT,
        name_at INTEGER,
        first_seen_at INTEGER NOT NULL,
        last_event TEXT,
        last_event_at INTEGER,
        job_state TEXT NOT NULL DEFAULT 'idle',
        job_state_since INTEGER,
        job_state_at INTEGER,
        job_key TEXT,
        job_file TEXT,
        job_started_at INTEGER,
        out_of_order INTEGER NOT NULL DEFAULT 0,
        out_of_order_since INTEGER,
        out_of_order_at INTEGER,
        maintenance INTEGER NOT NULL DEFAULT 0,
        maintenance_since INTEGER,
        maintenance_at INTEGER
      ) STRICT;

      CREATE TABLE stats_queue_events (
        kind TEXT NOT NULL,
        item_key TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (kind, item_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX stats_queue_events_at ON stats_queue_events (kind, at);

      CREATE TABLE stats_deliveries_hourly (
        hour INTEGER NOT NULL,
        category TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (hour, category)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stats_meta (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
