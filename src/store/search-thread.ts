// The search indexer's thread: a few times a second it indexes whatever the writer has stored since
// (see search-index.ts). Its work never holds up a delivery: it writes another file, with its own
// connection, on its own thread.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database.js';
import { createSearchIndexer, openSearchDatabase } from './search-index.js';

export interface SearchThreadData {
  storeFile: string;
  searchFile: string;
  everyMs: number;
}

/** Events per search transaction: large enough that segments stay few, small enough to stop soon. */
const CHUNK = 2000;
const RETRY_AFTER_PROBLEM_MS = 30_000;

const port = parentPort!;
const { storeFile, searchFile, everyMs } = workerData as SearchThreadData;

try {
  const store = openDatabase(storeFile, { migrate: false, readonly: true });
  const search = openSearchDatabase(searchFile);
  const indexer = createSearchIndexer(store, search);
  indexer.adopt();
  let closing = false;
  let timer: NodeJS.Timeout | undefined;

  // A chunk at a time; after a full chunk (a long backlog, such as a new index over a big store)
  // the next follows at once, with messages (a close) handled in between.
  let lastProblem: string | null = null;
  const step = () => {
    if (closing) return;
    let indexed = 0;
    try {
      indexed = indexer.indexSome(CHUNK);
      lastProblem = null;
    } catch (error) {
      // Reported once per distinct problem, and retried slowly, so a full disk does not flood the log.
      const problem = (error as Error).message;
      if (problem !== lastProblem) port.postMessage({ problem });
      lastProblem = problem;
    }
    if (indexed === CHUNK) setImmediate(step);
    else timer = setTimeout(step, lastProblem ? RETRY_AFTER_PROBLEM_MS : everyMs);
  };
  setImmediate(step);

  port.on('message', (message: { close?: true }) => {
    if (!message.close) return;
    closing = true;
    if (timer) clearTimeout(timer);
    store.close();
    search.close();
    port.postMessage({ closed: true });
    port.close();
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: { message: (error as Error).message } });
}
