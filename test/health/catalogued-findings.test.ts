// No finding or action escapes the health message catalogue: a real FarmHook (in this process, real
// ports, files and SQLite), driven through many states over its control API, answers every check
// with `finding` equal to the English rendering of `findingMessage` (and `action` of
// `actionMessage`), with keys the catalogue knows and a Russian rendering with every value filled.
// The states: fresh; LAN only; a port forward through a real local proxy that works, answers 502,
// reaches another program, or is down; a secret and deliveries; SimplyPrint's API (stand-in) with
// the webhook missing, right, and wrong in every way; a Cloudflare tunnel whose program is missing;
// an ngrok agent that does not answer; a restart (downtime). The builders that are hard to reach
// through the app (unwritable data folder, receiver down, a check source that throws, a refused
// probe) are called directly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type FarmhookApp } from '../../src/app.js';
import { resolveConfig } from '../../src/config.js';
import { createBasicChecks, receiverCheck } from '../../src/health/basic-checks.js';
import { composeHealth } from '../../src/health/compose.js';
import { sendProbe } from '../../src/health/probe.js';
import { ProbeRegistry } from '../../src/health/probe-registry.js';
import { silentLogger } from '../../src/logger.js';
import { createHttpApi, type HttpAppApi } from '../../src/shared/client/http.js';
import { healthMessageKeys, isHealthMessageKey, renderHealthMessage, type HealthMessage } from '../../src/shared/health-messages.js';
import type { HealthCheck, HealthReport } from '../../src/shared/schemas.js';
import { openDatabase } from '../../src/store/database.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';
import { EdgeProxy } from '../standins/edge-proxy.js';
import { SimplyPrintStandin } from '../standins/simplyprint-api.js';

const dir = tempDir();
let app: FarmhookApp;
let api: HttpAppApi;
let receiverUrl: string;
let sp: SimplyPrintStandin;
let edge: EdgeProxy;
let other: Server;
let otherUrl: string;
const checkIds = new Set<string>();
const keysSeen = new Set<string>();

async function boot(): Promise<void> {
  const config = resolveConfig({ dataDir: dir.path, host: '127.0.0.1', port: 0, controlPort: 0 }, {});
  app = await createApp({ config, logger: silentLogger(), setup: { webhookCheckTtlMs: 0, tunnelPollMs: 50, tunnelBackoff: { initialMs: 50, maxMs: 200 } } });
  await app.start();
  api = createHttpApi({ baseUrl: `http://127.0.0.1:${config.controlPort}`, token: config.controlToken });
  receiverUrl = `http://127.0.0.1:${app.status().receiver.port}`;
}

const english = (message: HealthMessage) => renderHealthMessage(message.key, message.params, 'en');

/** The one rule of this file, for one check. */
function expectCatalogued(check: HealthCheck): void {
  const label = `${check.id}: ${check.finding}`;
  expect(check.findingMessage, label).toBeDefined();
  const finding = check.findingMessage!;
  expect(check.finding, label).toBe(english(finding));
  if (check.action === null) {
    expect(check.actionMessage ?? null, label).toBeNull();
  } else {
    expect(check.actionMessage, label).toBeTruthy();
    expect(check.action, label).toBe(english(check.actionMessage!));
  }
  for (const message of [finding, check.actionMessage ?? null].filter((m): m is HealthMessage => m !== null)) {
    const keys = healthMessageKeys(message);
    expect(keys.filter((key) => !isHealthMessageKey(key)), label).toEqual([]);
    expect(renderHealthMessage(message.key, message.params, 'ru'), label).not.toContain('{{');
    for (const key of keys) keysSeen.add(key);
  }
  checkIds.add(check.id);
}

/** The report as the control API serialises it (so nested messages must survive the response schema). */
async function health(): Promise<HealthReport> {
  const report = await api.health();
  expect(report.checks.length).toBeGreaterThanOrEqual(11);
  for (const check of report.checks) expectCatalogued(check);
  return report;
}

const find = (report: HealthReport, id: string) => report.checks.find((c) => c.id === id)!;

async function deliver(secret: string | null, offsetSeconds: number): Promise<void> {
  const body = JSON.stringify({ webhook_id: 1, event: 'job.started', timestamp: Math.floor(Date.now() / 1000) - offsetSeconds, data: { n: Math.random() } });
  const response = await fetch(`${receiverUrl}/api/v1/simplyprint/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-sp-secret': secret } : {}) }, body });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  sp = await SimplyPrintStandin.start({ apiKey: 'sp-key-for-catalogue-tests-7c2f', companyId: 4343, clockOffsetMs: -95_000 });
  other = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html', server: 'OtherApp/2.1' });
    res.end('<h1>not FarmHook</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  await boot();
  edge = await EdgeProxy.start(receiverUrl);
});
afterAll(async () => {
  await app?.stop();
  await sp?.close();
  other?.close();
  await edge?.stop().catch(() => {});
  dir.remove();
});

describe('every check of a real FarmHook speaks from the catalogue', () => {
  it('fresh: no secret, no deliveries, no way in chosen, no API key', async () => {
    const report = await health();
    expect(find(report, 'receiver.secret').status).toBe('warning');
    expect(find(report, 'deliveries.last').finding).toBe('Nothing has been received yet.');
    expect(renderHealthMessage(find(report, 'receiver.secret').findingMessage!.key, {}, 'ru')).toBe('Секрет вебхука не задан: любой, кто может подключиться к порту, может отправлять события.');
  });

  it('LAN only', async () => {
    await api.updateSetupSettings({ mode: 'lan_only' });
    expect(find(await health(), 'reachability.public').status).toBe('ok');
  });

  it('a port forward through a proxy: working (with URL warnings), 502, another program, down', async () => {
    await api.updateSetupSettings({ mode: 'port_forward', publicUrl: edge.url });
    await api.probePublic({});
    const working = find(await health(), 'reachability.public');
    expect(working.finding).toMatch(/reached FarmHook in \d+ ms\. But: .*talking to themselves/);
    expect(renderHealthMessage(working.findingMessage!.key, working.findingMessage!.params, 'ru')).toMatch(/дошёл до FarmHook за \d+ мс\. Но: .*сами к себе/);

    edge.mode = { kind: 'bad_gateway' };
    await api.probePublic({});
    expect(find(await health(), 'reachability.public').finding).toContain('HTTP 502');

    edge.mode = { kind: 'forward', target: otherUrl };
    await api.probePublic({});
    expect(find(await health(), 'reachability.public').finding).toContain('OtherApp/2.1');

    await edge.stop();
    await api.probePublic({});
    const down = find(await health(), 'reachability.public');
    expect(down).toMatchObject({ status: 'problem' });
    expect(down.finding).toContain('Connection refused');
    // Three levels deep (finding > probe answer > its title), intact through the response schema.
    expect(renderHealthMessage(down.findingMessage!.key, down.findingMessage!.params, 'ru')).toContain('В подключении отказано (ECONNREFUSED)');
  });

  it('a secret and deliveries: last delivery and the clock from delivery stamps', async () => {
    const { secret } = await api.generateWebhookSecret();
    for (const offset of [2, 3, 4]) await deliver(secret, offset);
    const report = await health();
    expect(find(report, 'receiver.secret').status).toBe('ok');
    expect(find(report, 'deliveries.last').finding).toMatch(/^Last delivery less than a minute ago/);
    expect(find(report, 'clock.skew').finding).toMatch(/^Deliveries arrive \d+ s or more after SimplyPrint stamps them\.$/);
    // The secret never shows in a check, in either language.
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it("SimplyPrint's webhook: missing, then right, then wrong in every way; the clock from the API", async () => {
    await api.setSimplyPrintConnection({ companyId: 4343, apiKey: sp.apiKey, apiBaseUrl: sp.baseUrl });
    const missing = find(await health(), 'simplyprint.webhook');
    expect(missing).toMatchObject({ status: 'problem', finding: 'SimplyPrint has no webhook pointing at FarmHook, so nothing will be delivered.' });
    expect(missing.action).toMatch(/^Press "Update the webhook"/);

    await api.saveSimplyPrintWebhook({});
    const right = await health();
    expect(find(right, 'simplyprint.webhook').status).toBe('ok');
    // SimplyPrint's clock (stand-in) is 95 s behind: this PC is ahead.
    expect(find(right, 'clock.skew')).toMatchObject({ status: 'warning' });
    expect(find(right, 'clock.skew').finding).toMatch(/^This PC’s clock is 9\d s ahead of SimplyPrint’s\.$/);

    const stored = [...sp.webhooks.values()][0]!;
    Object.assign(stored, { url: 'https://old-name.trycloudflare.com/api/v1/simplyprint/webhook', enabled: false, secret: 'changed-in-the-panel', events: ['job.failed'] });
    const wrong = find(await health(), 'simplyprint.webhook');
    expect(wrong.finding).toContain('SimplyPrint delivers to https://old-name.trycloudflare.com');
    expect(wrong.finding).toContain('switched off');
    expect(wrong.finding).toContain('different secret');
    expect(wrong.finding).toMatch(/does not subscribe to \d+ event\(s\)/);
    expect(JSON.stringify(wrong)).not.toContain('changed-in-the-panel');
    expect(JSON.stringify(wrong)).not.toContain(sp.apiKey);
  });

  it('a Cloudflare tunnel whose program is missing, then stopped', async () => {
    await api.updateSetupSettings({ mode: 'cloudflare_quick', cloudflaredPath: join(dir.path, 'no-such-cloudflared') });
    await api.startTunnel();
    await waitFor(async () => (await api.tunnelStatus()).state === 'failed', 'cloudflared to fail');
    const failed = await health();
    expect(find(failed, 'reachability.tunnel').finding).toMatch(/^cloudflared could not be started: /);
    expect(find(failed, 'reachability.tunnel').action).toMatch(/cloudflared was not found at/);
    expect(find(failed, 'reachability.public').finding).toBe('The Cloudflare tunnel has no URL yet (not running or still starting).');
    await api.stopTunnel();
    expect(find(await health(), 'reachability.tunnel').finding).toBe('The tunnel is not running, so SimplyPrint cannot reach FarmHook.');
  });

  it('an ngrok agent that does not answer', async () => {
    await api.updateSetupSettings({ mode: 'ngrok', ngrokApiUrl: `http://127.0.0.1:${await freePort()}` });
    await api.startTunnel();
    await waitFor(async () => (await api.tunnelStatus()).hints.some((h) => h.code === 'agent_not_running'), 'the ngrok hint');
    const tunnel = find(await health(), 'reachability.tunnel');
    expect(tunnel.finding).toMatch(/^No ngrok agent answers at /);
    expect(renderHealthMessage(tunnel.actionMessage!.key, tunnel.actionMessage!.params, 'ru')).toMatch(/^Запустите ngrok на этом ПК: `ngrok http \d+`/);
    await api.stopTunnel();
  });

  it('after a restart: the downtime', async () => {
    await app.stop();
    await boot();
    const gaps = find(await health(), 'deliveries.gaps');
    expect(gaps.finding).toMatch(/^FarmHook was not running 1 time\(s\) in the last 7 days/);
    expect(renderHealthMessage(gaps.findingMessage!.key, gaps.findingMessage!.params, 'ru')).toMatch(/^Перерывов в работе FarmHook за последние 7 дней: 1;/);
  });

  it('covered every check the app makes', () => {
    const expected = ['receiver.listening', 'receiver.secret', 'storage.writable', 'storage.disk', 'database.integrity', 'deliveries.last', 'receiver.lan', 'reachability.public', 'reachability.tunnel', 'simplyprint.webhook', 'clock.skew', 'deliveries.gaps'];
    expect([...checkIds].sort()).toEqual(expected.sort());
    expect(keysSeen.size).toBeGreaterThan(30);
  });
});

describe('builders that are hard to reach through the app', () => {
  it('an unwritable, missing data folder, and a receiver that is not listening', async () => {
    const db = openDatabase(join(dir.path, 'direct.sqlite'));
    try {
      const missingDir = join(dir.path, 'not', 'there');
      for (const receiver of [
        { listening: false, host: '0.0.0.0', port: 13000, error: null },
        { listening: false, host: '0.0.0.0', port: 13000, error: 'Port 13000 is already in use, so the webhook receiver cannot start.' },
      ]) {
        const report = await createBasicChecks({ db, dataDir: missingDir, receiver, secretConfigured: false, lastReceivedAt: () => Date.now() - 30 * 3_600_000 })();
        for (const check of report.checks) expectCatalogued(check);
        expect(find(report, 'storage.writable')).toMatchObject({ status: 'problem', action: 'Check the folder permissions and that the disk is mounted read-write.' });
        expect(find(report, 'storage.disk').finding).toMatch(/^Could not read free space: /);
        expect(find(report, 'deliveries.last').finding).toMatch(/^Last delivery 30 h ago/);
        expect(find(report, 'receiver.listening').finding).toBe(receiver.error ?? 'Not listening on 0.0.0.0:13000.');
      }
      expectCatalogued(receiverCheck({ listening: true, host: '127.0.0.1', port: 1, error: null }, Date.now()));
    } finally {
      db.close();
    }
  });

  it('a check source that throws', async () => {
    const report = await composeHealth(async () => {
      throw new Error('the database is locked');
    })();
    expect(report.checks).toHaveLength(1);
    expectCatalogued(report.checks[0]!);
    expect(report.checks[0]!.finding).toBe('Some checks could not run: the database is locked');
  });

  it('a refused probe: its message is the English of its catalogue message', async () => {
    const result = await sendProbe(new ProbeRegistry(), `http://127.0.0.1:${await freePort()}/api/v1/simplyprint/webhook`, { timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: false, failure: 'refused' });
    expect(result.message).toBe(english(result.messageRef!));
    const invalid = await sendProbe(new ProbeRegistry(), 'ftp://example.net/');
    expect(invalid.message).toBe('This is not an http:// or https:// address.');
    expect(invalid.message).toBe(english(invalid.messageRef!));
  });
});
