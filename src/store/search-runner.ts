// Runs the search indexer (search-thread.ts) beside the service, and stops it.
import { rmSync } from 'node:fs';
import { searchFileFor } from './search-index.js';
import type { SearchThreadData } from './search-thread.js';
import { startThread, whenReady } from './threads.js';

export interface SearchRunner {
  /** The search file, to attach to the store's reading connection. */
  file: string;
  close(): Promise<void>;
}

export interface SearchRunnerOptions {
  /** How often it looks for new events (default 250 ms). */
  everyMs?: number;
  /** An indexing step failed (it is retried at the next one). */
  onProblem?(message: string): void;
}

export async function startSearchIndexer(storeFile: string, options: SearchRunnerOptions = {}): Promise<SearchRunner> {
  const file = searchFileFor(storeFile);
  const start = async () => {
    const worker = startThread('search-thread', { storeFile, searchFile: file, everyMs: options.everyMs ?? 250 } satisfies SearchThreadData);
    await whenReady(worker, 'The search indexer').catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return worker;
  };
  let worker;
  try {
    worker = await start();
  } catch (error) {
    // The search file is derived data: a damaged one must not keep FarmHook from starting.
    options.onProblem?.(`the search index was unreadable (${(error as Error).message}); rebuilding it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    worker = await start();
  }
  worker.on('message', (message: { problem?: string }) => {
    if (message.problem) options.onProblem?.(message.problem);
  });
  return {
    file,
    async close() {
      const closed = new Promise<void>((resolve) => {
        worker.on('message', (message: { closed?: boolean }) => message.closed && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage({ close: true });
      await closed;
      await worker.terminate();
    },
  };
}
