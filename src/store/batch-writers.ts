// Where a batch gets committed: on a writer thread (the service), or inline on the caller's thread
// (tools and benchmarks that own the whole process). The queue in front of both is the same.
import { createBatchCommitter, type BatchItem, type BatchResult } from './batch-committer.js';
import type { Db } from './database.js';
import { loadHooks, type IngestHookRef } from './hooks.js';
import { startThread, whenReady } from './threads.js';
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

export async function inlineWriter(db: Db, hooks: readonly IngestHookRef[] = []): Promise<BatchWriter> {
  const commit = createBatchCommitter(db, await loadHooks(hooks));
  return { write: async (items) => commit(items), close: async () => {} };
}

export async function threadWriter(file: string, hooks: readonly IngestHookRef[] = []): Promise<BatchWriter> {
  const worker = startThread('writer-thread', { file, hooks: [...hooks] } satisfies WriterThreadData);
  const pending = new Map<number, { resolve(results: BatchResult[]): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;

  await whenReady(worker, 'The database writer').catch((error: Error) => {
    throw new StorageError(error.message);
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
