// The shell's Node-side helpers: the app:// file mapping and its headers, the window's preferences,
// the preload's channels, the diagnostics zip (no secrets in it) and the Linux autostart entry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { appHeaders, resolveAppFile, secureWebPreferences } from '../../electron/app-protocol.js';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from '../../electron/channels.js';
import { buildDiagnosticsZip, withoutSecrets } from '../../electron/diagnostics.js';
import { autostartDesktopEntry, loginItem } from '../../electron/login-item.js';
import { openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp-dir.js';

const dirs: { remove(): void }[] = [];
const temp = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
};
afterAll(() => dirs.forEach((dir) => dir.remove()));

describe('app:// protocol', () => {
  const root = '/opt/farmhook/dist/renderer';
  it('maps app://farmhook paths into the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://farmhook/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://farmhook/index.html#/events/4')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://farmhook/assets/index-abc.js?x=1')).toBe(`${root}/assets/index-abc.js`);
    // The URL parser already clamps plain dot segments at the root; encoded ones are caught here.
    expect(resolveAppFile(root, 'app://farmhook/../../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile(root, 'app://farmhook/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}/etc/passwd`);
    for (const url of [
      'app://farmhook/..%2f..%2fsecret',
      'app://other/index.html',
      'file:///etc/passwd',
      'http://farmhook/index.html',
      'app://farmhook/%00',
      'app://farmhook/%E0%A4%A',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('answers with a strict CSP and the right type', () => {
    const headers = appHeaders('/x/index.html');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).not.toMatch(/unsafe-eval|https?:/);
    expect(appHeaders('/x/a.js')['content-type']).toContain('javascript');
  });

  it('window preferences: isolated, sandboxed, no Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});

describe('preload', () => {
  it('uses the channels the main process listens on and exposes only the bridge', () => {
    const source = readFileSync(new URL('../../electron/preload.cts', import.meta.url), 'utf8');
    expect(source).toContain(`'${INVOKE_CHANNEL}'`);
    expect(source).toContain(`'${PUSH_CHANNEL}'`);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/ipcRenderer\.send\b|require\('(fs|child_process|node:)/);
  });
});

describe('diagnostics zip', () => {
  it('holds logs, settings without secrets, reports and database figures — never a secret', () => {
    const dataDir = temp();
    mkdirSync(join(dataDir, 'logs'));
    writeFileSync(join(dataDir, 'logs', 'farmhook.log'), '{"msg":"FarmHook started"}\n');
    writeFileSync(join(dataDir, 'logs', 'main.old.log'), 'older\n');
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ port: 13000, secret: 'sp-secret-123', nested: { apiKey: 'k-456', ok: 1 } }));
    writeFileSync(join(dataDir, 'control-token'), 'token-789\n');
    const db = openDatabase(join(dataDir, 'farmhook.sqlite'));
    try {
      const zip = buildDiagnosticsZip({
        dataDir,
        logDirs: [join(dataDir, 'logs')],
        db,
        now: Date.parse('2025-03-01T12:00:00Z'),
        reports: { status: { receiver: { secretConfigured: true } }, forward: { destinations: [{ headers: { Authorization: 'Bearer abc' } }] } },
      });
      const files = unzipSync(zip);
      expect(Object.keys(files).sort()).toEqual([
        'README.txt',
        'database.json',
        'logs/logs/farmhook.log',
        'logs/logs/main.old.log',
        'reports/forward.json',
        'reports/status.json',
        'settings/config.json',
      ]);
      const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
      for (const secret of ['sp-secret-123', 'k-456', 'token-789', 'Bearer abc']) expect(everything).not.toContain(secret);
      expect(JSON.parse(strFromU8(files['settings/config.json']!))).toEqual({ port: 13000, secret: '(removed)', nested: { apiKey: '(removed)', ok: 1 } });
      const database = JSON.parse(strFromU8(files['database.json']!));
      expect(database.rows.events).toBe(0);
      expect(database.migrations.map((m: { id: string }) => m.id)).toContain('alerts-0001-alerts');
    } finally {
      db.close();
    }
  });

  it('removes secrets at any depth, keeping the shape', () => {
    expect(withoutSecrets([{ token: 1, list: [{ password: 'x', name: 'n' }] }])).toEqual([{ token: '(removed)', list: [{ password: '(removed)', name: 'n' }] }]);
  });
});

describe('start at login on Linux', () => {
  it('writes and removes an XDG autostart entry that starts hidden', () => {
    const configHome = temp();
    const item = loginItem({ platform: 'linux', get: () => false, set: () => {}, executable: '/opt/Farm Hook/farmhook.AppImage', configHome });
    expect(item.get()).toBe(false);
    item.set(true);
    const file = join(configHome, 'autostart', 'farmhook.desktop');
    expect(readFileSync(file, 'utf8')).toBe(autostartDesktopEntry('/opt/Farm Hook/farmhook.AppImage'));
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Farm Hook/farmhook.AppImage" --hidden');
    expect(item.get()).toBe(true);
    item.set(false);
    expect(existsSync(file)).toBe(false);
  });

  it('uses Electron’s own setting elsewhere', () => {
    let stored = false;
    const item = loginItem({ platform: 'win32', get: () => stored, set: (value) => (stored = value), executable: 'C:\\FarmHook.exe' });
    item.set(true);
    expect(item.get()).toBe(true);
  });
});
