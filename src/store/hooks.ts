// Other rooms (statistics rollups, the forwarding outbox, alert inputs) take part in the ingest
// transaction through these hooks: whatever they write commits in the same fsync as the event, so
// a crash can never leave an event without its rollups or its forward jobs.
import type { EventCategory } from '../shared/catalogue.js';
import type { Db } from './database.js';

/** An event as it is being committed. */
export interface StoredEvent {
  id: number;
  /** Unix milliseconds, FarmHook's clock. */
  receivedAt: number;
  event: string;
  category: EventCategory;
  /** SimplyPrint's timestamp, Unix seconds, as sent. */
  timestamp: number | null;
  webhookId: string | null;
  printerId: string | null;
  printerName: string | null;
  jobId: string | null;
  jobUid: string | null;
  jobFile: string | null;
  jobState: string | null;
  userName: string | null;
  queueFile: string | null;
  /** The parsed body. */
  payload: Record<string, unknown>;
}

export interface IngestHook {
  name: string;
  /**
   * Called once when the ingest queue opens, to prepare statements. Returns the function that runs
   * inside the transaction for every newly stored event (never for duplicates). It must be fast and
   * synchronous, and may throw only for a real database error (which fails the whole batch).
   */
  attach(db: Db): (event: StoredEvent) => void;
}
