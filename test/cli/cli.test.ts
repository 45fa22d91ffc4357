// The real `farmhook` command as a user runs it.
import { statSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envelope, phpJson, printJob } from '../helpers/simplyprint-bodies.js';
import { runCli, startServe, type ServeProcess } from '../helpers/farmhook-process.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp-dir.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function stopLater(serve: ServeProcess) {
  cleanups.push(async () => {
    if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
    await serve.exited;
  });
}
function dataDir() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

describe('farmhook --help', () => {
  it('documents the commands and every serve flag', async () => {
    const top = runCli(['--help']);
    expect((await top.exited).code).toBe(0);
    expect(top.stdout()).toContain('serve');
    const serve = runCli(['serve', '--help']);
    expect((await serve.exited).code).toBe(0);
    for (const flag of ['--host', '--port', '--control-port', '--data-dir', '--secret', '--control-token', '--body-limit', '--log-level', '--quiet']) {
      expect(serve.stdout()).toContain(flag);
    }
    expect(serve.stdout()).toContain('FARMHOOK_');
  });

  it('explains a bad flag value', async () => {
    const run = runCli(['serve', '--port', 'abc']);
    expect((await run.exited).code).not.toBe(0);
    expect(run.stderr()).toContain('--port must be a whole number');
  });
});

describe('farmhook serve', () => {
  it('prints the webhook URL, the dashboard URL and the data dir, and creates a 0600 control token', async () => {
    const dir = dataDir();
    const [port, controlPort] = [await freePort(), await freePort()];
    const run = runCli(['serve', '--host', '127.0.0.1', '--port', String(port), '--control-port', String(controlPort), '--data-dir', dir]);
    cleanups.push(async () => {
      run.child.kill('SIGKILL');
      await run.exited;
    });
    const { waitFor } = await import('../helpers/wait.js');
    await waitFor(() => run.stdout().includes('Press Ctrl+C'), 'the banner', 30_000);
    const token = readFileSync(join(dir, 'control-token'), 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'control-token')).mode & 0o777).toBe(0o600);
    expect(run.stdout()).toContain(`http://127.0.0.1:${port}/api/v1/simplyprint/webhook`);
    expect(run.stdout()).toContain(`http://127.0.0.1:${controlPort}/#token=${token}`);
    expect(run.stdout()).toContain(dir);
    expect(run.stdout()).toContain('No webhook secret');
  });

  it('never writes the secret or the control token to its log or output', async () => {
    const dir = dataDir();
    const secret = 'very-secret-value-123';
    const serve = await startServe(dir, ['--secret', secret]);
    stopLater(serve);
    await fetch(serve.webhookUrl, { method: 'POST', body: phpJson(envelope('test', {})), headers: { 'x-sp-secret': secret } });
    await fetch(serve.webhookUrl, { method: 'POST', body: phpJson(envelope('test', { n: 2 })), headers: { 'x-sp-secret': 'wrong' } });
    serve.child.kill('SIGTERM');
    await serve.exited;
    const logs = readFileSync(join(dir, 'logs', 'farmhook.1.log'), 'utf8');
    expect(logs).toContain('delivery refused');
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(serve.token);
    expect(serve.output()).not.toContain(secret);
  });

  it('exits non-zero naming the port when it is taken', async () => {
    // Some other program holding the port: it accepts connections and hangs up.
    const blocker: Server = createServer((socket) => socket.destroy());
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const run = runCli(['serve', '--host', '127.0.0.1', '--port', String(port), '--control-port', String(await freePort()), '--data-dir', dataDir(), '--control-token', 't']);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain(`Port ${port} is already in use`);
    expect(run.stderr()).toContain('--port');
  });

  it('says so when another FarmHook already has the port', async () => {
    const first = await startServe(dataDir());
    stopLater(first);
    const run = runCli(['serve', '--host', '127.0.0.1', '--port', String(first.port), '--control-port', String(await freePort()), '--data-dir', dataDir(), '--control-token', 't']);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain('Another FarmHook is already running');
  });

  it('on SIGTERM finishes deliveries in flight, closes the database and exits 0', async () => {
    const dir = dataDir();
    const serve = await startServe(dir, ['--quiet']);
    stopLater(serve);
    const posts = Array.from({ length: 40 }, (_, i) =>
      fetch(serve.webhookUrl, { method: 'POST', body: phpJson(envelope('job.started', { job: printJob({ id: i }) })) })
        .then((r) => r.status)
        .catch(() => 0),
    );
    serve.child.kill('SIGTERM');
    const statuses = await Promise.all(posts);
    expect(await serve.exited).toEqual({ code: 0, signal: null });
    // Closed cleanly: no WAL left to recover, and every acknowledged delivery is there.
    expect(existsSync(join(dir, 'farmhook.sqlite-wal'))).toBe(false);
    const acknowledged = statuses.filter((s) => s === 200).length;
    const again = await startServe(dir);
    stopLater(again);
    const summary = (await (await again.api('/api/v1/stats/summary')).json()) as { total: number };
    expect(summary.total).toBe(acknowledged);
  });
});
