// Where a batch gets committed: on a writer thread (the service), or inline on the caller's thread
// (tools and benchmarks that own the whole process). The queue in front of both is the same.
import { Worker } from 'node:worker_threads';
import { createBatchCommitter, type BatchItem, type BatchResult } from './batch-committer.js';
import type { Db } from './database.js';
import { loadHooks, type IngestHookRef } from './hooks.js';
import type { CheckpointThreadData } from './checkpoint-thread.js';
import type { WriterReply, WriterRequest, WriterThreadData } from './writer-thread.js';

export interface BatchWriter {
  write(items: BatchItem[]): Promise<BatchResult[]>;
  close(): Promise<void>;
}

export class StorageError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Starts one of the store's threads (writer-thread, checkpoint-thread) from source or build. */
function startThread(name: string, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  // Under the test runner the sources are TypeScript: the thread registers the same loader first.
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** How often the checkpoint thread folds the WAL back into the database. */
const CHECKPOINT_EVERY_MS = 1000;

export async function inlineWriter(db: Db, hooks: readonly IngestHookRef[] = []): Promise<BatchWriter> {
  const commit = createBatchCommitter(db, await loadHooks(hooks));
  return { write: async (items) => commit(items), close: async () => {} };
}

export async function threadWriter(file: string, hooks: readonly IngestHookRef[] = []): Promise<BatchWriter> {
  const worker = startThread('writer-thread', { file, hooks: [...hooks] } satisfies WriterThreadData);
  const checkpointer = startThread('checkpoint-thread', { file, everyMs: CHECKPOINT_EVERY_MS } satisfies CheckpointThreadData);
  const pending = new Map<number, { resolve(results: BatchResult[]): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    worker.once('message', (reply: WriterReply) => {
      if ('ready' in reply && reply.ready) resolve();
      else reject(new StorageError(`The database writer could not start: ${'error' in reply ? reply.error.message : 'unknown error'}`));
    });
    worker.once('error', reject);
  });

  worker.on('message', (reply: WriterReply) => {
    if (!('id' in reply)) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.results);
    else waiter?.reject(new StorageError(reply.error.message, reply.error.code));
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => failAll(new StorageError(`The database writer stopped: ${error.message}`)));
  worker.on('exit', (code) => failAll(new StorageError(`The database writer exited (code ${code}).`)));

  const send = (request: WriterRequest) =>
    new Promise<BatchResult[]>((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set(request.id, { resolve, reject });
      worker.postMessage(request, 'items' in request ? transferables(request.items) : []);
    });

  return {
    write: (items) => send({ id: nextId++, items }),
    async close() {
      if (failure) return;
      await send({ id: nextId++, close: true });
      await worker.terminate();
      checkpointer.postMessage({ close: true });
      await new Promise((resolve) => checkpointer.once('exit', resolve));
    },
  };
}

/**
 * The bodies move to the writer thread instead of being copied: each gets a buffer of its own
 * first, because a small Node Buffer is a view into a shared 8 KiB pool that must not be moved.
 */
function transferables(items: BatchItem[]): ArrayBuffer[] {
  return items.map((item) => {
    const bytes = item.kind === 'delivery' ? item.delivery.raw : item.rejection.bodySample;
    const own = new Uint8Array(bytes);
    if (item.kind === 'delivery') item.delivery.raw = own;
    else item.rejection.bodySample = Buffer.from(own.buffer);
    return own.buffer;
  });
}
