// The desktop app for real, where an Electron binary exists (ELECTRON_OVERRIDE_DIST_PATH or a
// downloaded node_modules/electron/dist): it starts, the window shows the dashboard over IPC, a
// delivery posted to the receiver appears, and the tray model says ok. Elsewhere it says why not.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';
import { envelope, phpJson, printJob } from '../helpers/simplyprint-bodies.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAIN = join(ROOT, 'dist', 'electron', 'main.js');
const BINARY = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform as 'linux'] ?? 'electron';

function findElectron(): { path: string } | { skip: string } {
  const dirs = [process.env.ELECTRON_OVERRIDE_DIST_PATH, join(ROOT, 'node_modules', 'electron', 'dist')].filter((d): d is string => Boolean(d));
  const binary = dirs.map((dir) => join(dir, BINARY)).find((file) => existsSync(file));
  if (!binary) return { skip: `no Electron binary (looked in ${dirs.join(', ')}; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron)` };
  if (!existsSync(MAIN)) return { skip: `${MAIN} is not built (run npm run build)` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { skip: 'no display (run under xvfb-run)' };
  return { path: binary };
}

const electron = findElectron();
if ('skip' in electron) console.log(`Electron smoke test skipped: ${electron.skip}.`);

describe('desktop app smoke test', () => {
  const dir = tempDir();
  let app: ElectronApplication | null = null;
  afterAll(async () => {
    await app?.close();
    dir.remove();
  });

  it.skipIf('skip' in electron)('starts, shows the dashboard over IPC, shows a posted delivery, tray says ok', async () => {
    app = await _electron.launch({
      executablePath: (electron as { path: string }).path,
      args: [MAIN],
      env: { ...process.env, FARMHOOK_DATA_DIR: dir.path, FARMHOOK_HOST: '127.0.0.1', FARMHOOK_PORT: '0', FARMHOOK_CONTROL_PORT: '0', FARMHOOK_E2E: '1' },
    });
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/farmhook\//);
    const status = (await page.evaluate(() => (window as unknown as { bridge: { invoke(m: string, a: unknown[]): Promise<unknown> } }).bridge.invoke('status', []))) as {
      ok: boolean;
      data: { receiver: { port: number; listening: boolean } };
    };
    expect(status).toMatchObject({ ok: true, data: { receiver: { listening: true } } });

    const body = phpJson(envelope('job.started', { job: printJob({ file: 'smoke-test-part.gcode' }) }));
    const response = await fetch(`http://127.0.0.1:${status.data.receiver.port}/api/v1/simplyprint/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);

    await page.evaluate(() => (location.hash = '#/events'));
    await page.getByText('smoke-test-part.gcode').first().waitFor({ timeout: 15_000 });

    const tray = await waitFor(
      () => app!.evaluate(() => (globalThis as { farmhookTrayModel?: { icon: string; tooltip: string } }).farmhookTrayModel),
      'the tray model',
    );
    expect(tray.icon).toBe('ok');
    expect(tray.tooltip).toMatch(/^FarmHook · \d+ printing/);
  });
});
