// The writer thread. SQLite's fsync blocks whoever calls it, and better-sqlite3 is synchronous: on
// the receiver's thread every commit would freeze the network for the length of an fsync. Here the
// receiver keeps reading and parsing requests while a batch is being made durable.
//
// Group commit happens here, not on the receiver's side: the receiver posts what it has at once,
// and when the writer is ready for its next transaction it takes every request waiting in its
// queue. A delivery therefore waits for at most the commit in progress, never for a round trip
// between threads. Checkpoints run here too, after the answers have gone out (see checkpointer.ts).
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { createBatchCommitter, type BatchItem, type BatchResult } from './batch-committer.js';
import { createCheckpointer } from './checkpointer.js';
import { openDatabase } from './database.js';
import { loadHooks, type IngestHookRef } from './hooks.js';

export interface WriterThreadData {
  file: string;
  hooks: IngestHookRef[];
}

export type WriterRequest = { id: number; items: BatchItem[] } | { id: number; close: true };
export type WriterReply =
  | { id: number; ok: true; results: BatchResult[] }
  | { id: number; ok: false; error: { message: string; code?: string } }
  | { ready: true }
  | { ready: false; error: { message: string } };

/** Bounds one transaction, so a flood cannot build one huge commit that holds everyone up. */
const MAX_ITEMS_PER_COMMIT = 2000;

const port = parentPort!;
const { file, hooks } = workerData as WriterThreadData;

try {
  // The main thread has already run the migrations.
  const db = openDatabase(file, { migrate: false, autoCheckpoint: false });
  const commit = createBatchCommitter(db, await loadHooks(hooks));
  const checkpointer = createCheckpointer(db);
  let carried: WriterRequest | null = null;

  const nextWaiting = (): WriterRequest | null => {
    const request = carried ?? (receiveMessageOnPort(port)?.message as WriterRequest | undefined) ?? null;
    carried = null;
    return request;
  };

  /** Commits `first` together with the batches already waiting behind it, then answers each. */
  const commitWaiting = (first: { id: number; items: BatchItem[] }) => {
    const group = [first];
    let count = first.items.length;
    for (let next = nextWaiting(); next; next = nextWaiting()) {
      if ('close' in next || count + next.items.length > MAX_ITEMS_PER_COMMIT) {
        carried = next;
        break;
      }
      group.push(next);
      count += next.items.length;
    }
    try {
      const results = commit(group.flatMap((request) => request.items));
      let offset = 0;
      for (const request of group) {
        const end = offset + request.items.length;
        port.postMessage({ id: request.id, ok: true, results: results.slice(offset, end) } satisfies WriterReply);
        offset = end;
      }
    } catch (error) {
      const { message, code } = error as { message: string; code?: string };
      for (const request of group) {
        port.postMessage({ id: request.id, ok: false, error: { message, ...(code ? { code } : {}) } } satisfies WriterReply);
      }
    }
  };

  const close = (id: number) => {
    db.close();
    port.postMessage({ id, ok: true, results: [] } satisfies WriterReply);
    port.close();
  };

  port.on('message', (request: WriterRequest) => {
    // Everything queued, oldest first; each commit takes every batch waiting behind its first.
    for (let next: WriterRequest | null = request; next; next = nextWaiting()) {
      if ('close' in next) return close(next.id);
      commitWaiting(next);
      checkpointer.afterCommit();
    }
    checkpointer.whenIdle();
  });
  port.postMessage({ ready: true } satisfies WriterReply);
} catch (error) {
  port.postMessage({ ready: false, error: { message: (error as Error).message } } satisfies WriterReply);
}
