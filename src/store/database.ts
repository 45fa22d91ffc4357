// Opens the one SQLite file FarmHook keeps everything in, with the settings durability depends on.
import Database from 'better-sqlite3';
import { runMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Skip migrations (read-only tools opening a database another process owns). */
  migrate?: boolean;
  readonly?: boolean;
  /** False when the writer thread looks after the WAL (checkpointer.ts). */
  autoCheckpoint?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  // WAL lets the dashboard read while deliveries are written. synchronous=FULL makes every commit
  // fsync the WAL, so an acknowledged delivery survives a power cut; group commit in the ingest
  // queue keeps that affordable by sharing one fsync between concurrent deliveries.
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // In the service, the writer thread checkpoints after answering (checkpointer.ts), never inside a
  // delivery's commit; a process that owns the file alone (tools, benchmarks) lets SQLite do it.
  if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
  // Keep the WAL file from staying huge after a burst once it has been checkpointed.
  db.pragma('journal_size_limit = 67108864');
  db.pragma('cache_size = -32000');
  if (options.migrate ?? !options.readonly) runMigrations(db, MIGRATIONS);
  return db;
}
