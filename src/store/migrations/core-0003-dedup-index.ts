import type { Migration } from '../migrate.js';

// Exact re-deliveries are recognised by the hash of their bytes. Indexed alone, a hash is a random
// key: every new delivery dirtied a different leaf page of that index, and in a commit of 12
// deliveries it was 13.6 of the 38 pages written to the WAL (and fsynced) — the largest share of
// all. SimplyPrint's `timestamp` is the time the event happened, so the same bytes always carry the
// same `event_ts`, and new events carry the current time: with `event_ts` first, new keys land on
// the index's last pages, and a commit writes one or two pages of it instead of one per delivery.
// Bodies without a timestamp (NULL) still work; they are only as cheap as before.
export const coreDedupIndex: Migration = {
  id: 'core-0003-dedup-index',
  up(db) {
    db.exec(`
      DROP INDEX events_body_hash;
      CREATE UNIQUE INDEX events_dedup ON events (event_ts, body_hash);
    `);
  },
};
