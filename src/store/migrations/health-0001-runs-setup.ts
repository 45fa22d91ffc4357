import type { Migration } from '../migrate.js';

// Health and setup (src/health/, src/setup/). `runs`: one row per time FarmHook ran, so the gaps
// between runs (deliveries SimplyPrint sent while nothing listened) can be shown. `last_alive_at`
// is refreshed while running, so a crash still leaves an upper bound of when it stopped.
// `setup_state`: small JSON documents by key (reachability and SimplyPrint settings, wizard state);
// secrets are never stored here (they live in the secret store).
export const healthRunsSetup: Migration = {
  id: 'health-0001-runs-setup',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        last_alive_at INTEGER NOT NULL,
        stopped_at INTEGER
      ) STRICT;
      CREATE INDEX runs_started_at ON runs (started_at);

      CREATE TABLE setup_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
