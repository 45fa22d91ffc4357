// Starts one of the store's threads (writer-thread, search-thread) from the build, or from source
// under the test runner.
import { Worker } from 'node:worker_threads';

export function startThread(name: string, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  // The sources are TypeScript: the thread registers the same loader first.
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Resolves when the thread reports `{ ready: true }`; rejects with what it reported otherwise. */
export function whenReady(worker: Worker, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.once('message', (reply: { ready?: boolean; error?: { message: string } }) => {
      if (reply.ready) resolve();
      else reject(new Error(`${what} could not start: ${reply.error?.message ?? 'unknown error'}`));
    });
    worker.once('error', reject);
  });
}
