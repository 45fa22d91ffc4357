// The forwarding routes on the real control server (bearer token, /api/v1), wired by createApp:
// a webhook in on the receiver, forwarded out, managed and inspected over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { readSse } from '../helpers/sse.js';
import { waitFor } from '../helpers/wait.js';
import { ok, startServer, type TestServer } from './harness.js';

let running: RunningApp | null = null;
let target: TestServer | null = null;
afterEach(async () => {
  await running?.close();
  await target?.close();
  running = null;
  target = null;
});

// Answers are checked field by field below; `any` keeps that readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const read = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('forwarding control API', () => {
  it('manages destinations, forwards a received webhook, and shows log, stats, retry and replay', async () => {
    let fail = true;
    target = await startServer(() => (fail ? { status: 502, body: 'bad gateway' } : ok));
    running = await startApp({}, { forwarding: { pollIntervalMs: 50, backoff: { baseMs: 30, maxMs: 100 } } });
    const api = running.api;

    const created = await api('/api/v1/forward/destinations', json({ name: 'ERP', maxAttempts: 2, config: { type: 'http', url: target.url, signing: 'hmac-sha256', secret: 'route-secret-1' } }));
    expect(created.status).toBe(201);
    const destination = await read(created);
    expect(destination).toMatchObject({ name: 'ERP', type: 'http', enabled: true, events: ['*'], timeoutMs: 10000, maxAttempts: 2, config: { secretSet: true } });
    expect(JSON.stringify(destination)).not.toContain('route-secret-1');

    // Bad input is a 400 with a code; an unknown id a 404.
    const missingSecret = await api('/api/v1/forward/destinations', json({ name: 'x', config: { type: 'http', url: target.url, signing: 'standard-webhooks' } }));
    expect(missingSecret.status).toBe(400);
    expect(await read(missingSecret)).toMatchObject({ error: 'invalid_destination', message: 'Signing needs a secret.' });
    const metadata = await api('/api/v1/forward/destinations', json({ name: 'x', config: { type: 'http', url: 'http://169.254.169.254/' } }));
    expect(metadata.status).toBe(400);
    expect((await api('/api/v1/forward/destinations/999')).status).toBe(404);

    const webhook = await running.post(JSON.stringify({ webhook_id: 1, event: 'job.done', timestamp: 1_764_000_000, data: { job: { id: 3, printer: { id: 1, name: 'P1' } } } }));
    expect(webhook.status).toBe(200);
    await waitFor(async () => (await read(api('/api/v1/forward/deliveries?status=failed'))).items.length === 1, 'the failed delivery');

    const page = await read(api(`/api/v1/forward/deliveries?destination=${destination.id}`));
    expect(page.items).toHaveLength(1);
    const delivery = page.items[0];
    expect(delivery).toMatchObject({ event: 'job.done', kind: 'event', status: 'failed', attempts: 2, lastStatusCode: 502, destinationName: 'ERP' });
    const detail = await read(api(`/api/v1/forward/deliveries/${delivery.id}`));
    expect(detail.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([502, 502]);
    expect(detail.attemptLog[0].responseBody).toBe('bad gateway');

    fail = false;
    const retried = await api(`/api/v1/forward/deliveries/${delivery.id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    await waitFor(async () => (await read(api(`/api/v1/forward/deliveries/${delivery.id}`))).status === 'delivered', 'the retry');
    expect(new Set(target.requests.map((r) => r.headers['x-webhook-id'])).size).toBe(1);

    const replay = await api(`/api/v1/forward/destinations/${destination.id}/replay`, json({ eventIds: [delivery.eventId] }));
    expect((await read(replay)).deliveries).toHaveLength(1);
    await waitFor(() => target!.requests.length === 4, 'the replay');
    expect(new Set(target.requests.map((r) => r.headers['x-webhook-id'])).size).toBe(2);

    const test = await read(api(`/api/v1/forward/destinations/${destination.id}/test`, { method: 'POST' }));
    expect(test).toMatchObject({ kind: 'test', status: 'delivered', attemptLog: [{ ok: true, statusCode: 200 }] });

    const stats = await read(api('/api/v1/forward/stats'));
    expect(stats.items[0]).toMatchObject({ destinationId: destination.id, attempts: 5, successes: 3, failures: 2, queueDepth: 0, delivered: 2, failed: 0 });
    expect(stats.items[0].p95Ms).toBeGreaterThanOrEqual(stats.items[0].medianMs);
    const attempts = await read(api(`/api/v1/forward/attempts?destination=${destination.id}&limit=2`));
    expect(attempts.items).toHaveLength(2);
    expect(attempts.nextCursor).not.toBeNull();

    // Update without the secret keeps it; delete removes the destination with its log.
    const updated = await api(`/api/v1/forward/destinations/${destination.id}`, json({ name: 'ERP 2', events: ['job.*'], config: { type: 'http', url: target.url, signing: 'hmac-sha256' } }, 'PUT'));
    expect(await read(updated)).toMatchObject({ name: 'ERP 2', events: ['job.*'], config: { secretSet: true } });
    expect((await api(`/api/v1/forward/destinations/${destination.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await read(api('/api/v1/forward/destinations'))).items).toEqual([]);
    expect((await read(api('/api/v1/forward/deliveries'))).items).toEqual([]);
  });

  it('keeps an MQTT CA certificate that an edit leaves out, and removes it when told to', async () => {
    running = await startApp();
    const api = running.api;
    const config = { type: 'mqtt', url: 'mqtts://broker.farm.lan:8883', username: 'farm', password: 'mqtt-pass' };
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const created = await read(api('/api/v1/forward/destinations', json({ name: 'HA', config: { ...config, ca } })));
    expect(created.config).toMatchObject({ caSet: true });
    const edited = await read(api(`/api/v1/forward/destinations/${created.id}`, json({ name: 'HA 2', config }, 'PUT')));
    expect(edited.config).toMatchObject({ caSet: true });
    const cleared = await read(api(`/api/v1/forward/destinations/${created.id}`, json({ name: 'HA 2', config: { ...config, ca: null } }, 'PUT')));
    expect(cleared.config).toMatchObject({ caSet: false });
  });

  it('requires the control token', async () => {
    running = await startApp();
    const response = await fetch(`${running.controlUrl}/api/v1/forward/destinations`);
    expect(response.status).toBe(401);
  });

  it('raises an alert when a destination pauses itself, pushes each attempt live, and resolves the alert on resume', async () => {
    let fail = true;
    target = await startServer(() => (fail ? { status: 503, body: 'down' } : ok));
    running = await startApp({}, { forwarding: { pollIntervalMs: 50, backoff: { baseMs: 20, maxMs: 40 } } });
    const api = running.api;
    const stream = await readSse(`${running.controlUrl}/api/v1/stream`, running.token);
    const destination = await read(api('/api/v1/forward/destinations', json({ name: 'Farm ERP', maxAttempts: 1, pauseAfterFailures: 2, config: { type: 'http', url: target.url } })));
    for (const job of [1, 2]) {
      expect((await running.post(JSON.stringify({ webhook_id: 1, event: 'job.done', timestamp: 1_764_000_000 + job, data: { job: { id: job } } }))).status).toBe(200);
    }
    await stream.next((push) => push.type === 'forward.changed' && push.destinationId === destination.id);
    const openAlert = async () =>
      (await read(api('/api/v1/alerts?status=open'))).items.find((a: { rule: string }) => a.rule === 'forward.stopped');
    const alert = await waitFor(openAlert, 'the forward.stopped alert');
    expect(alert).toMatchObject({ title: 'Forwarding to Farm ERP paused', severity: 'warning' });
    expect(alert.message).toContain('Paused after 2 consecutive failures');

    fail = false;
    expect((await api(`/api/v1/forward/destinations/${destination.id}/resume`, { method: 'POST' })).status).toBe(200);
    await waitFor(async () => (await openAlert()) === undefined, 'the alert to resolve');
    const history = (await read(api('/api/v1/alerts?status=resolved'))).items;
    expect(history).toEqual([expect.objectContaining({ rule: 'forward.stopped', resolution: 'cleared' })]);
    stream.close();
  });
});

