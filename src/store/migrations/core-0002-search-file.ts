import type { Migration } from '../migrate.js';

// The free-text index moves to a file of its own (search-index.ts explains why). `store_id` names
// this database, so a search file left over from another database is recognised and rebuilt rather
// than trusted. `last_event_id` keeps event ids from ever being handed out twice (SQLite would reuse
// them once retention had deleted every event), so the index can never describe a new event with an
// old one's text.
export const coreSearchFile: Migration = {
  id: 'core-0002-search-file',
  up(db) {
    db.exec(`
      DROP TABLE IF EXISTS events_fts;
      CREATE TABLE store_meta (
        name TEXT PRIMARY KEY,
        value ANY NOT NULL
      ) STRICT;
      INSERT INTO store_meta (name, value) VALUES ('store_id', lower(hex(randomblob(16))));
      INSERT INTO store_meta (name, value) SELECT 'last_event_id', coalesce(max(id), 0) FROM events;
    `);
  },
};
