// The cloudflared supervisor, driven through the control API, against a stand-in executable that
// behaves like `cloudflared tunnel --url ... --metrics ...` (log lines, /quicktunnel, /ready): it
// reaches url_assigned then connected; killed, it is restarted with backoff and gets a NEW URL; the
// SimplyPrint check then reports the stale webhook URL and the one-click fix updates the stand-in
// SimplyPrint's webhook. With a real `cloudflared` on PATH, one more test runs it for real.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, type HttpAppApi } from '../../src/shared/client/http.js';
import type { TunnelStatus } from '../../src/shared/setup.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { readSse } from '../helpers/sse.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';
import { SimplyPrintStandin } from '../standins/simplyprint-api.js';

const STANDIN = fileURLToPath(new URL('../standins/cloudflared', import.meta.url));
const TUNING = { tunnelBackoff: { initialMs: 200, maxMs: 1_000 }, tunnelPollMs: 100, verifyDelaysMs: [], webhookCheckTtlMs: 0 };

let sp: SimplyPrintStandin;
let run: RunningApp;
let api: HttpAppApi;
const logDir = tempDir('farmhook-cloudflared-');
const startsLog = join(logDir.path, 'starts.ndjson');

const starts = (): { pid: number; args: string[]; hostname: string }[] => {
  try {
    return readFileSync(startsLog, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    return [];
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const tunnelIn = (state: TunnelStatus['state'], extra: (s: TunnelStatus) => boolean = () => true) =>
  waitFor(async () => {
    const status = await api.tunnelStatus();
    return status.state === state && extra(status) ? status : null;
  }, `tunnel ${state}`);

beforeAll(async () => {
  process.env.CLOUDFLARED_STANDIN_LOG = startsLog;
  sp = await SimplyPrintStandin.start({ apiKey: 'sp-key-for-tunnel-tests-77aa', companyId: 9001 });
  run = await startApp({}, { setup: TUNING });
  api = createHttpApi({ baseUrl: run.controlUrl, token: run.token });
  await api.generateWebhookSecret();
  await api.setSimplyPrintConnection({ companyId: 9001, apiKey: sp.apiKey, apiBaseUrl: sp.baseUrl });
});
afterEach(async () => {
  delete process.env.CLOUDFLARED_STANDIN_SCENARIO;
  await api.stopTunnel();
});
afterAll(async () => {
  await run?.close();
  await sp?.close();
  delete process.env.CLOUDFLARED_STANDIN_LOG;
  logDir.remove();
});

describe('the cloudflared quick-tunnel supervisor', () => {
  it('url_assigned, connected; killed: restarted with backoff and a new URL; the check sees the stale webhook; the fix updates it', async () => {
    await api.updateSetupSettings({ mode: 'cloudflare_quick', cloudflaredPath: STANDIN });
    const stream = await readSse(`${run.controlUrl}/api/v1/stream`, run.token);
    try {
      expect((await api.startTunnel()).state).toBe('starting');
      const first = await tunnelIn('connected');
      expect(first.publicUrl).toMatch(/^https:\/\/[a-z0-9-]+\.trycloudflare\.com$/);
      expect(first.connections).toBe(1);
      await stream.next((p) => p.type === 'tunnel.changed' && p.status.state === 'url_assigned');
      // Started as documented: forwarding to the receiver on loopback, metrics on a loopback port.
      const [launch] = starts();
      expect(launch!.args).toEqual(expect.arrayContaining(['tunnel', '--url', run.receiverUrl, '--metrics']));
      expect(launch!.args[launch!.args.indexOf('--metrics') + 1]).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(first.publicUrl).toBe(`https://${launch!.hostname}`);

      const settings = await api.setupSettings();
      expect(settings.publicWebhookUrl).toBe(`${first.publicUrl}/api/v1/simplyprint/webhook`);
      expect((await api.saveSimplyPrintWebhook({})).status).toBe('ok');
      expect([...sp.webhooks.values()][0]!.url).toBe(`${first.publicUrl}/api/v1/simplyprint/webhook`);

      // cloudflared dies (crash, OOM kill, the user ends it in the task manager).
      process.kill(launch!.pid, 'SIGKILL');
      await stream.next((p) => p.type === 'tunnel.changed' && p.status.state === 'failed' && p.status.nextRetryAt !== null);
      const second = await tunnelIn('connected', (s) => s.publicUrl !== first.publicUrl);
      expect(second.restarts).toBe(1);
      expect(second.hints.map((h) => h.code)).toContain('url_changed');
      expect(starts()).toHaveLength(2);
      expect(second.publicUrl).toBe(`https://${starts()[1]!.hostname}`);

      const stale = await api.checkSimplyPrintWebhook();
      expect(stale).toMatchObject({ status: 'problem', urlMatches: false, fixAvailable: true, currentUrl: `${first.publicUrl}/api/v1/simplyprint/webhook` });
      expect(stale.problems.join(' ')).toContain(`reachable at ${second.publicUrl}/api/v1/simplyprint/webhook`);
      const health = await api.health();
      expect(health.checks.find((c) => c.id === 'simplyprint.webhook')).toMatchObject({ status: 'problem' });

      const fixed = await api.saveSimplyPrintWebhook({});
      expect(fixed).toMatchObject({ status: 'ok', urlMatches: true });
      expect(sp.webhooks.size).toBe(1);
      expect([...sp.webhooks.values()][0]).toMatchObject({ url: `${second.publicUrl}/api/v1/simplyprint/webhook`, enabled: true });

      const stopped = await api.stopTunnel();
      expect(stopped).toMatchObject({ state: 'stopped', publicUrl: null });
      await waitFor(() => !alive(starts()[1]!.pid), 'cloudflared to exit');
    } finally {
      stream.close();
    }
  });

  it('rate limited by Cloudflare (429): failed with the hint, retried with growing pauses', async () => {
    process.env.CLOUDFLARED_STANDIN_SCENARIO = 'rate_limited';
    const before = starts().length;
    await api.updateSetupSettings({ mode: 'cloudflare_quick', cloudflaredPath: STANDIN });
    await api.startTunnel();
    const status = await tunnelIn('failed', (s) => s.restarts >= 2);
    expect(status.hints.map((h) => h.code)).toContain('rate_limited');
    expect(status.lastError).toMatch(/exited \(code 1\)/);
    expect(starts().length - before).toBeGreaterThanOrEqual(3);
  });

  it('UDP blocked (QUIC cannot connect): restarted with --protocol http2, then connected', async () => {
    process.env.CLOUDFLARED_STANDIN_SCENARIO = 'quic_blocked';
    const before = starts().length;
    await api.updateSetupSettings({ mode: 'cloudflare_quick', cloudflaredPath: STANDIN });
    await api.startTunnel();
    const status = await tunnelIn('connected');
    expect(status.hints.map((h) => h.code)).toContain('udp_blocked');
    const runs = starts().slice(before);
    expect(runs[0]!.args).not.toContain('http2');
    expect(runs.at(-1)!.args).toEqual(expect.arrayContaining(['--protocol', 'http2']));
  });

  it('cloudflared not installed: failed with the install hint, no restarts', async () => {
    await api.updateSetupSettings({ mode: 'cloudflare_quick', cloudflaredPath: join(logDir.path, 'no-such-cloudflared') });
    await api.startTunnel();
    const status = await tunnelIn('failed');
    expect(status.hints.map((h) => h.code)).toEqual(['not_installed']);
    expect(status.restarts).toBe(0);
  });

  it('only starts in a tunnel mode', async () => {
    await api.updateSetupSettings({ mode: 'port_forward' });
    await expect(api.startTunnel()).rejects.toMatchObject({ code: 'no_tunnel_mode', status: 409 });
  });
});

let realCloudflared: string | null = null;
try {
  realCloudflared = execFileSync('cloudflared', ['--version'], { encoding: 'utf8', timeout: 5_000 }).trim();
} catch {
  console.log('Skipping the real-cloudflared test: no `cloudflared` on PATH (it cannot be downloaded here).');
}

describe.skipIf(!realCloudflared)('a real cloudflared on PATH', () => {
  it('gets a quick-tunnel URL', async () => {
    await api.updateSetupSettings({ mode: 'cloudflare_quick', cloudflaredPath: 'cloudflared' });
    await api.startTunnel();
    const status = await waitFor(async () => {
      const s = await api.tunnelStatus();
      return s.publicUrl || s.state === 'failed' ? s : null;
    }, 'a real quick tunnel', 45_000);
    // Without internet access it fails; either way the supervisor must say which.
    if (status.state === 'failed') expect(status.lastError).toBeTruthy();
    else expect(status.publicUrl).toMatch(/trycloudflare\.com$/);
  });
});
