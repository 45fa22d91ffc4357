// The writer thread. SQLite's fsync blocks whoever calls it, and better-sqlite3 is synchronous: on
// the receiver's thread every commit would freeze the network for the length of an fsync. Here the
// receiver keeps reading and parsing requests while a batch is being made durable, and the next
// batch grows meanwhile, so throughput rises with load instead of collapsing.
import { parentPort, workerData } from 'node:worker_threads';
import { createBatchCommitter, type BatchItem } from './batch-committer.js';
import { openDatabase } from './database.js';
import { loadHooks, type IngestHookRef } from './hooks.js';

export interface WriterThreadData {
  file: string;
  hooks: IngestHookRef[];
}

export type WriterRequest = { id: number; items: BatchItem[] } | { id: number; close: true };
export type WriterReply =
  | { id: number; ok: true; results: ReturnType<ReturnType<typeof createBatchCommitter>> }
  | { id: number; ok: false; error: { message: string; code?: string } }
  | { ready: true }
  | { ready: false; error: { message: string } };

const port = parentPort!;
const { file, hooks } = workerData as WriterThreadData;

try {
  // The main thread has already run the migrations.
  const db = openDatabase(file, { migrate: false, autoCheckpoint: false });
  const commit = createBatchCommitter(db, await loadHooks(hooks));
  port.on('message', (request: WriterRequest) => {
    if ('close' in request) {
      db.close();
      port.postMessage({ id: request.id, ok: true, results: [] } satisfies WriterReply);
      port.close();
      return;
    }
    try {
      port.postMessage({ id: request.id, ok: true, results: commit(request.items) } satisfies WriterReply);
    } catch (error) {
      const { message, code } = error as { message: string; code?: string };
      port.postMessage({ id: request.id, ok: false, error: { message, ...(code ? { code } : {}) } } satisfies WriterReply);
    }
  });
  port.postMessage({ ready: true } satisfies WriterReply);
} catch (error) {
  port.postMessage({ ready: false, error: { message: (error as Error).message } } satisfies WriterReply);
}
