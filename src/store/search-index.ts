// Free-text search lives in a file of its own beside the store (`farmhook-search.sqlite`), built by
// a thread of its own a fraction of a second behind the deliveries.
//
// Why not in the ingest transaction, as at first: FTS5 writes a new index segment at every commit
// and merges segments now and then. Measured on a two-delivery commit, that was 12 of the 27 pages
// the commit wrote (so the acknowledgement's fsync carried nearly twice the data) and, at its merges,
// commits of 3 to 12 ms instead of under 1. In a file of its own, written by another thread in
// chunks of many events, none of that is on a delivery's path, and its commits need no fsync of
// their own: it is derived data, rebuilt from the events if it is ever lost or stale.
//
// Searching stays exact: rows the index has not reached yet (usually none, at most a second's worth)
// are scanned and compared the same way (search-text.ts), and the two answers are merged.
import Database from 'better-sqlite3';
import type { Db } from './database.js';
import { HIGHEST_EVENT_ID } from './event-writer.js';
import { foldForSearch, searchTextOf, type SearchableRow } from './search-text.js';

/** `farmhook.sqlite` → `farmhook-search.sqlite`. */
export const searchFileFor = (storeFile: string) => storeFile.replace(/(\.sqlite)?$/, '-search.sqlite');

/** The schema name the search file is attached under on the store's connection. */
export const SEARCH_SCHEMA = 'search';

/** On the store's connection: every event id up to this one is in the full-text index. */
export const INDEXED_UPTO = `(SELECT indexed_upto FROM ${SEARCH_SCHEMA}.search_progress WHERE id = 1)`;

export function openSearchDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Derived data: a power cut may lose the last chunks, which are simply indexed again.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    -- Trigram tokens match any substring of three or more characters, Cyrillic included.
    CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5 (
      text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
    );
    -- Which store this index describes, and how far it has got (every id up to indexed_upto).
    CREATE TABLE IF NOT EXISTS search_progress (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      store_id TEXT NOT NULL,
      indexed_upto INTEGER NOT NULL
    ) STRICT;
  `);
  return db;
}

interface Progress {
  store_id: string;
  indexed_upto: number;
}

/**
 * Indexes the store's events into the search file. `store` is a connection to the event store (read
 * only is enough), `search` one to the search file.
 */
export function createSearchIndexer(store: Db, search: Db) {
  const storeId = store.prepare("SELECT value FROM store_meta WHERE name = 'store_id'").pluck();
  const highestId = store.prepare(`SELECT ${HIGHEST_EVENT_ID} AS id`).pluck();
  const unindexed = store.prepare<[number, number], SearchableRow & { id: number }>(
    'SELECT id, event, printer_name, job_file, user_name, queue_file FROM events WHERE id > ? ORDER BY id LIMIT ?',
  );
  const progress = search.prepare<[], Progress>('SELECT store_id, indexed_upto FROM search_progress WHERE id = 1');
  const insert = search.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)');
  const advance = search.prepare('UPDATE search_progress SET indexed_upto = ? WHERE id = 1');
  const reset = search.transaction((id: string) => {
    search.prepare("INSERT INTO events_fts (events_fts) VALUES ('delete-all')").run();
    search.prepare('INSERT OR REPLACE INTO search_progress (id, store_id, indexed_upto) VALUES (1, ?, 0)').run(id);
  });
  const indexRows = search.transaction((rows: (SearchableRow & { id: number })[]) => {
    for (const row of rows) insert.run(row.id, searchTextOf(row));
    advance.run(rows.at(-1)!.id);
  });

  return {
    /**
     * Starts over when the file describes another store, or claims events this store never had (a
     * database restored from an older copy). Returns true when it did.
     */
    adopt(): boolean {
      const current = progress.get();
      const id = storeId.get() as string;
      if (current && current.store_id === id && current.indexed_upto <= (highestId.get() as number)) return false;
      reset(id);
      return true;
    },

    /** Indexes up to `limit` events the index has not reached; returns how many. */
    indexSome(limit: number): number {
      // One read snapshot of the store for the rows (better-sqlite3 reads them all at once).
      const rows = unindexed.all(progress.get()?.indexed_upto ?? 0, limit);
      if (rows.length > 0) indexRows(rows);
      return rows.length;
    },

    /** Events stored and not yet indexed. */
    behind(): number {
      return Math.max(0, (highestId.get() as number) - (progress.get()?.indexed_upto ?? 0));
    },
  };
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;

/** The SQL function that compares an unindexed row the way the index would. */
export const SEARCH_MATCH_FUNCTION = 'farmhook_search_match';

/**
 * Attaches the search file to a store connection, and gives that connection the function the event
 * query uses for rows the index has not reached.
 */
export function attachSearch(db: Db, searchFile: string): void {
  db.prepare(`ATTACH DATABASE ? AS ${SEARCH_SCHEMA}`).run(searchFile);
  db.function(
    SEARCH_MATCH_FUNCTION,
    { deterministic: true },
    (event: unknown, printerName: unknown, jobFile: unknown, userName: unknown, queueFile: unknown, needle: unknown) => {
      const row = { event, printer_name: printerName, job_file: jobFile, user_name: userName, queue_file: queueFile } as SearchableRow;
      return foldForSearch(searchTextOf(row)).includes(foldForSearch(String(needle))) ? 1 : 0;
    },
  );
}
