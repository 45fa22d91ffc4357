// Other rooms (statistics rollups, the forwarding outbox, alert inputs) take part in the ingest
// transaction through these hooks: whatever they write commits in the same fsync as the event, so
// a crash can never leave an event without its rollups or its forward jobs.
import type { ExtractedFields } from '../events/extract.js';
import type { Db } from './database.js';

/** An event as it is being committed: its extracted columns, its id and time, and the parsed body. */
export interface StoredEvent extends ExtractedFields {
  id: number;
  /** Unix milliseconds, FarmHook's clock. */
  receivedAt: number;
  payload: Record<string, unknown>;
}

export interface IngestHook {
  name: string;
  /**
   * Called once when the writer opens, to prepare statements. Returns the function that runs
   * inside the transaction for every newly stored event (never for duplicates). It must be fast and
   * synchronous, and may throw only for a real database error (which fails the whole batch).
   */
  attach(db: Db): (event: StoredEvent) => void;
}

/**
 * How the writer finds a hook: a module and the name of a zero-argument factory it exports. Hooks
 * are named rather than passed as objects because the writer runs on its own thread (see
 * writer-thread.ts), which loads them itself.
 */
export interface IngestHookRef {
  module: string;
  factory: string;
}

export async function loadHooks(refs: readonly IngestHookRef[]): Promise<IngestHook[]> {
  return Promise.all(
    refs.map(async ({ module, factory }) => {
      const make = (await import(module))[factory] as (() => IngestHook) | undefined;
      if (typeof make !== 'function') throw new Error(`${module} exports no ingest hook factory "${factory}"`);
      return make();
    }),
  );
}
