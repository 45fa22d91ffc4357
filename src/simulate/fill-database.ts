// Fills a FarmHook database file with a simulated farm's deliveries, fast, through the real ingest
// path (extraction, event store, full-text index, every ingest hook) but without HTTP: for
// benchmarks that need a million stored events. Printers are simulated one at a time, so memory
// stays flat whatever the size.
import { openDatabase, type Db } from '../store/database.js';
import { inlineWriter } from '../store/batch-writers.js';
import type { IngestHookRef } from '../store/hooks.js';
import { IngestQueue } from '../store/ingest-queue.js';
import { createSearchIndexer, openSearchDatabase, searchFileFor } from '../store/search-index.js';
import { STATS_HOOK } from '../stats/ingest-hook.js';
import { simulatePrinters } from './generate.js';
import { phpJsonEncode } from './php-json.js';

export interface FillOptions {
  /** How many events to store. */
  events: number;
  /** Farm size. Default: enough printers to reach `events` in `days`. */
  printers?: number;
  /** Period. Default: 30, or, with `printers` given, long enough for them to send `events`. */
  days?: number;
  seed?: number;
  end?: number;
  /** Ingest hooks to run (default: the statistics hook). */
  hooks?: readonly IngestHookRef[];
  /** Deliveries per transaction. */
  batch?: number;
  onProgress?(stored: number): void;
}

/** The service would index in the background; a filled database is handed over fully indexed. */
function buildSearchIndex(db: Db, file: string): void {
  const search = openSearchDatabase(searchFileFor(file));
  try {
    const indexer = createSearchIndexer(db, search);
    indexer.adopt();
    while (indexer.indexSome(20_000) > 0) {
      // until every event is in
    }
  } finally {
    search.close();
  }
}

/** A simulated printer sends about this many deliveries a day. */
const DELIVERIES_PER_PRINTER_DAY = 20;

export async function fillDatabase(file: string, options: FillOptions): Promise<{ stored: number; printers: number; elapsedMs: number }> {
  const started = Date.now();
  const days =
    options.days ??
    (options.printers ? Math.ceil((options.events * 1.05) / (options.printers * DELIVERIES_PER_PRINTER_DAY)) : 30);
  const batch = options.batch ?? 5000;
  const printers = options.printers ?? Math.max(1, Math.ceil((options.events * 1.05) / (days * DELIVERIES_PER_PRINTER_DAY)));
  const db = openDatabase(file);
  // Durability is not the point of a bulk load; the benchmark re-opens the file with normal settings.
  db.pragma('synchronous = OFF');
  const queue = new IngestQueue(await inlineWriter(db, options.hooks ?? [STATS_HOOK]));
  let stored = 0;
  let pending: Promise<unknown>[] = [];
  let receivedAt = (options.end ?? Date.now()) - days * 86_400_000;
  try {
    outer: for (const timeline of simulatePrinters({ printers, days, seed: options.seed ?? 1, ...(options.end ? { end: options.end } : {}) })) {
      for (const delivery of timeline.deliveries) {
        if (stored >= options.events) break outer;
        const raw = Buffer.from(phpJsonEncode(delivery.body));
        pending.push(queue.submit({ raw, body: JSON.parse(raw.toString('utf8')), headers: { 'content-type': 'application/json' }, remoteAddress: '127.0.0.1', receivedAt: receivedAt++ }));
        stored += 1;
        if (pending.length >= batch) {
          await Promise.all(pending);
          pending = [];
          options.onProgress?.(stored);
        }
      }
    }
    await Promise.all(pending);
    await queue.close();
    buildSearchIndex(db, file);
  } finally {
    db.close();
  }
  return { stored, printers, elapsedMs: Date.now() - started };
}
