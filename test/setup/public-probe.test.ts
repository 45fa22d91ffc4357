// Probing the public URL end to end through the control API, with a real local reverse proxy
// standing in for the internet edge (router port forward, tunnel edge): working, stopped,
// misrouted to another service or another FarmHook, too slow, and answering 502 itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, type HttpAppApi } from '../../src/shared/client/http.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { EdgeProxy } from '../standins/edge-proxy.js';

let run: RunningApp;
let api: HttpAppApi;
let edge: EdgeProxy;
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  run = await startApp({}, { setup: { webhookCheckTtlMs: 0 } });
  api = createHttpApi({ baseUrl: run.controlUrl, token: run.token });
  edge = await EdgeProxy.start(run.receiverUrl);
  // Some other program on the PC the port forward was pointed at by mistake.
  other = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html', server: 'OtherApp/2.1' });
    res.end('<h1>Welcome to the printer farm intranet</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  await api.updateSetupSettings({ mode: 'port_forward', publicUrl: edge.url });
});
afterAll(async () => {
  await run?.close();
  other?.close();
});

describe('the public URL probe, through a real proxy standing in for the edge', () => {
  it('working: the nonce arrives through the proxy, with the round trip, and is not stored', async () => {
    const result = await api.probePublic({});
    expect(result).toMatchObject({ ok: true, failure: null, httpStatus: 200, target: `${edge.url}/api/v1/simplyprint/webhook`, arrivedFrom: '127.0.0.1' });
    expect(result.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(edge.seen.at(-1)).toEqual({ method: 'POST', path: '/api/v1/simplyprint/webhook' });
    // A probe is answered, never kept as an event or a refused delivery.
    expect((await api.listEvents({})).items).toHaveLength(0);
    expect((await api.listRejections({})).items).toHaveLength(0);
    const health = await api.health();
    // It works, but 127.0.0.1 is this PC for SimplyPrint too: a warning, not an ok.
    const check = health.checks.find((c) => c.id === 'reachability.public');
    expect(check).toMatchObject({ status: 'warning' });
    expect(check?.finding).toMatch(/reached FarmHook in \d+ ms\. But: .*talking to themselves/);
  });

  it('misrouted to another service: wrong_service, naming what answered', async () => {
    edge.mode = { kind: 'forward', target: otherUrl };
    const result = await api.probePublic({});
    expect(result).toMatchObject({ ok: false, failure: 'wrong_service', httpStatus: 200 });
    expect(result.message).toContain('OtherApp/2.1');
  });

  it('misrouted to another FarmHook: wrong_service, recognised as another FarmHook', async () => {
    const second = await startApp();
    try {
      edge.mode = { kind: 'forward', target: second.receiverUrl };
      const result = await api.probePublic({});
      expect(result).toMatchObject({ ok: false, failure: 'wrong_service', httpStatus: 404 });
      expect(result.message).toMatch(/Another FarmHook/);
    } finally {
      await second.close();
    }
  });

  it('slow beyond the timeout: timeout', async () => {
    edge.mode = { kind: 'slow', target: run.receiverUrl, delayMs: 3_000 };
    const result = await api.probePublic({ timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, failure: 'timeout', roundTripMs: null });
    expect(result.message).toMatch(/firewall/);
  });

  it('the proxy answering 502 itself: http_5xx', async () => {
    edge.mode = { kind: 'bad_gateway' };
    const result = await api.probePublic({});
    expect(result).toMatchObject({ ok: false, failure: 'http_5xx', httpStatus: 502 });
  });

  it('a URL tried before saving it, with the webhook path or without', async () => {
    edge.mode = { kind: 'forward', target: run.receiverUrl };
    expect(await api.probePublic({ url: `${edge.url}/api/v1/simplyprint/webhook` })).toMatchObject({ ok: true });
    expect(await api.probePublic({ url: 'ftp://example.net/' })).toMatchObject({ ok: false, failure: 'invalid_url' });
  });

  it('stopped: connection refused, and the health check says what to do', async () => {
    await edge.stop();
    const result = await api.probePublic({});
    expect(result).toMatchObject({ ok: false, failure: 'refused' });
    expect(result.message).toMatch(/router does not forward it/);
    const check = (await api.health()).checks.find((c) => c.id === 'reachability.public');
    expect(check).toMatchObject({ status: 'problem' });
    expect(check?.finding).toContain('Connection refused');
  });

  it('a name that does not resolve: dns', async () => {
    const result = await api.probePublic({ url: 'http://farmhook-probe-test.invalid:13000', timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, failure: 'dns' });
  });
});

describe('the LAN self-probe', () => {
  it('is off when the receiver listens on loopback only', async () => {
    expect(await api.probeLan()).toEqual({ lanEnabled: false, results: [] });
  });

  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(!lanAddress)('reaches the receiver on each LAN address when it listens on all of them', async () => {
    const lan = await startApp({ host: '0.0.0.0' });
    try {
      const report = await createHttpApi({ baseUrl: lan.controlUrl, token: lan.token }).probeLan();
      expect(report.lanEnabled).toBe(true);
      expect(report.results.length).toBeGreaterThan(0);
      for (const result of report.results) {
        expect(result).toMatchObject({ ok: true });
        expect(result.target).toContain(result.address);
      }
      expect(report.results.map((r) => r.address)).toContain(lanAddress);
    } finally {
      await lan.close();
    }
  });
});
