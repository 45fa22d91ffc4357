// Starting the servers a benchmark measures, as separate processes like in production.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before "${marker}":\n${output}`)));
  });
}

async function start(args: string[], marker: string): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForLine(child, marker);
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const startBare = (port: number) => start(['bench/bare-server.mjs', String(port)], 'ready');

/** The design's floor (floor-receiver.mjs): durable acks and nothing else. */
export const startFloor = (port: number, file: string) => start(['bench/floor-receiver.mjs', String(port), file], 'ready');

export const startFarmhook = (dataDir: string, port: number, controlPort: number, token: string) =>
  start(
    ['bin/farmhook.js', 'serve', '--quiet', '--host', '127.0.0.1', '--port', String(port), '--control-port', String(controlPort), '--data-dir', dataDir, '--control-token', token],
    'Press Ctrl+C',
  );
