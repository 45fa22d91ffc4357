// The end-to-end suites' view of a real `farmhook serve` child process: the shared test helpers
// (test/helpers/farmhook-process.ts) with the URLs the browser tests use, a check that the
// dashboard is built, and a temp data dir removed on stop.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { startServe as startFarmhook } from '../helpers/farmhook-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor as waitForCondition } from '../helpers/wait.js';

export { freePort } from '../helpers/ports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The e2e suites name what they wait for first, and poll a little less eagerly. */
export function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  return waitForCondition(probe, what, timeoutMs, 100) as Promise<NonNullable<T>>;
}

export interface ServeProcess {
  receiverUrl: string;
  controlUrl: string;
  token: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServe(): Promise<ServeProcess> {
  for (const built of ['dist/src/cli.js', 'dist/renderer/index.html']) {
    if (!existsSync(`${ROOT}/${built}`)) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
  const dir = tempDir('farmhook-e2e-');
  const serve = await startFarmhook(dir.path, ['--quiet']);
  return {
    receiverUrl: serve.webhookUrl,
    controlUrl: serve.controlUrl,
    token: serve.token,
    child: serve.child,
    output: serve.output,
    async stop() {
      if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGTERM');
      await serve.exited;
      dir.remove();
    },
  };
}
