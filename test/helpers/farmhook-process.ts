// The real `farmhook` CLI as a child process (built by `npm run build`, which `npm test` runs first).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';
import { waitFor } from './wait.js';

export const BIN = fileURLToPath(new URL('../../bin/farmhook.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  controlPort: number;
  token: string;
  webhookUrl: string;
  controlUrl: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  api(path: string): Promise<Response>;
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  // A developer's own FARMHOOK_* settings must not leak into a test.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('FARMHOOK_')));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

export async function startServe(dataDir: string, extra: string[] = [], ports?: { port: number; controlPort: number }): Promise<ServeProcess> {
  const port = ports?.port ?? (await freePort());
  const controlPort = ports?.controlPort ?? (await freePort());
  const token = 'test-control-token';
  const run = runCli(['serve', '--host', '127.0.0.1', '--port', String(port), '--control-port', String(controlPort), '--data-dir', dataDir, '--control-token', token, ...extra]);
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  let exitedEarly = false;
  void run.exited.then(() => (exitedEarly = true));
  await waitFor(async () => {
    if (exitedEarly) throw new Error(`farmhook exited early:\n${run.stdout()}\n${run.stderr()}`);
    return run.stdout().includes('Press Ctrl+C to stop.');
  }, 'farmhook serve to start', 30_000);
  return {
    child: run.child,
    port,
    controlPort,
    token,
    webhookUrl: `http://127.0.0.1:${port}/api/v1/simplyprint/webhook`,
    controlUrl,
    output: () => run.stdout() + run.stderr(),
    exited: run.exited,
    api: (path) => fetch(`${controlUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }),
  };
}
