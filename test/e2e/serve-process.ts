// Runs the real `farmhook serve` as a child process on free ports for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
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
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'farmhook-e2e-'));
  const [port, controlPort] = [await freePort(), await freePort()];
  const token = `e2e-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/farmhook.js'), 'serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', String(port), '--control-port', String(controlPort), '--control-token', token, '--quiet'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], // A developer's own FARMHOOK_* settings must not leak into the test.
      env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('FARMHOOK_'))) },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  await waitFor('farmhook serve to answer', async () => {
    if (child.exitCode !== null) throw new Error(`farmhook serve exited (${child.exitCode}): ${output}`);
    const response = await fetch(`${controlUrl}/api/v1/status`, { headers: { authorization: `Bearer ${token}` } });
    return response.ok;
  });
  return {
    receiverUrl: `http://127.0.0.1:${port}/api/v1/simplyprint/webhook`,
    controlUrl,
    token,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
