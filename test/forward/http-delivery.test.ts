// HTTP JSON forwarding against real local servers: signatures checked by verifiers written here from
// the specs (not from our signing code), retries with one delivery id, timeouts, 410, Retry-After.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DestinationInput } from '../../src/shared/forward.js';
import { waitFor } from '../helpers/wait.js';
import { ok, openHarness, startServer, type Harness, type Received, type TestServer } from './harness.js';

/** GitHub-style: X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>. */
function verifyHmacHex(secret: string, request: Received): boolean {
  const header = String(request.headers['x-webhook-signature'] ?? '');
  if (!header.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(request.body, 'utf8')).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Standard Webhooks v1: base64 HMAC-SHA256 over "id.timestamp.body" with the base64-decoded whsec_ key. */
function verifyStandardWebhooks(secret: string, request: Received, toleranceS = 300): boolean {
  const id = String(request.headers['webhook-id'] ?? '');
  const timestamp = String(request.headers['webhook-timestamp'] ?? '');
  const signatures = String(request.headers['webhook-signature'] ?? '').split(' ');
  if (!id || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return signatures.some((entry) => {
    const [version, sig] = entry.split(',');
    if (version !== 'v1' || !sig) return false;
    const given = Buffer.from(sig, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const httpDestination = (url: string, extra: Partial<DestinationInput> = {}, config: Record<string, unknown> = {}): DestinationInput => ({
  name: 'ERP',
  timeoutMs: 2000,
  ...extra,
  config: { type: 'http', url, ...config } as DestinationInput['config'],
});

let harness: Harness | null = null;
let servers: TestServer[] = [];
afterEach(async () => {
  await harness?.close();
  harness = null;
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(answer: Parameters<typeof startServer>[0], host?: string) {
  const s = await startServer(answer, host);
  servers.push(s);
  return s;
}

const jobData = { job: { id: 9, uid: 'u-9', file: 'bracket.gcode', state: 'printing', printer: { id: 56, name: 'MK4 #3' } } };

describe('HTTP forwarding', () => {
  it('POSTs the envelope once, signed with HMAC-SHA256 hex that an independent verifier accepts', async () => {
    const target = await server(() => ok);
    harness = await openHarness();
    const secret = 'erp-signing-secret-1';
    const destination = harness.forwarding.createDestination(
      httpDestination(`${target.url}/hooks/farm?x=1`, {}, { signing: 'hmac-sha256', secret, headers: { Authorization: 'Bearer erp-token-77' } }),
    );
    const eventId = await harness.ingest('job.started', jobData);

    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'delivered', 'the delivery');
    expect(target.requests).toHaveLength(1);
    const request = target.requests[0]!;
    expect(request.path).toBe('/hooks/farm?x=1');
    expect(request.headers.authorization).toBe('Bearer erp-token-77');
    expect(verifyHmacHex(secret, request)).toBe(true);
    expect(verifyHmacHex('another-secret', request)).toBe(false);

    const envelope = JSON.parse(request.body);
    expect(envelope).toMatchObject({
      id: request.headers['x-webhook-id'],
      eventId: String(eventId),
      event: 'job.started',
      category: 'job',
      printer: { id: '56', name: 'MK4 #3' },
      job: { id: '9', uid: 'u-9', file: 'bracket.gcode', state: 'printing' },
      data: jobData,
    });
    expect(new Date(envelope.receivedAt).toISOString()).toBe(envelope.receivedAt);
    expect(request.headers['x-webhook-event']).toBe('job.started');
    expect(request.headers['x-webhook-attempt']).toBe('1');
    expect(Math.abs(Number(request.headers['x-webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);

    // The dashboard never gets the secrets back, and they are not in the database file.
    const dto = harness.forwarding.getDestination(destination.id);
    expect(dto.config).toEqual({ type: 'http', url: `${target.url}/hooks/farm?x=1`, signing: 'hmac-sha256', secretSet: true, headerNames: ['Authorization'] });
    expect(JSON.stringify(harness.forwarding.listDestinations())).not.toContain(secret);
    harness.db.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(`${harness.dataDir}/farmhook.sqlite`);
    expect(file.includes(secret)).toBe(false);
    expect(file.includes('erp-token-77')).toBe(false);
  });

  it('signs Standard Webhooks v1 so that a spec verifier accepts it', async () => {
    const target = await server(() => ({ status: 204 }));
    harness = await openHarness();
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    harness.forwarding.createDestination(httpDestination(target.url, {}, { signing: 'standard-webhooks', secret }));
    await harness.ingest('job.done', jobData);
    await waitFor(() => target.requests.length === 1, 'the delivery');
    const request = target.requests[0]!;
    expect(verifyStandardWebhooks(secret, request)).toBe(true);
    expect(verifyStandardWebhooks(`whsec_${Buffer.from('wrong').toString('base64')}`, request)).toBe(false);
    expect(request.headers['webhook-id']).toBe(JSON.parse(request.body).id);
  });

  it('retries a 500 with the same delivery id and the same body, then records the success', async () => {
    const target = await server((_r, i) => (i === 0 ? { status: 500, body: 'database is down' } : ok));
    harness = await openHarness();
    harness.forwarding.createDestination(httpDestination(target.url, {}, { signing: 'hmac-sha256', secret: 'retry-secret-1' }));
    await harness.ingest('job.failed', jobData);

    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'delivered', 'the retried delivery');
    expect(target.requests).toHaveLength(2);
    const [first, second] = target.requests as [Received, Received];
    expect(second.headers['x-webhook-id']).toBe(first.headers['x-webhook-id']);
    expect(second.body).toBe(first.body);
    expect([first.headers['x-webhook-attempt'], second.headers['x-webhook-attempt']]).toEqual(['1', '2']);
    expect(verifyHmacHex('retry-secret-1', second)).toBe(true);

    const delivery = harness.forwarding.getDelivery(harness.forwarding.listDeliveries({}).items[0]!.id);
    expect(delivery.attemptLog.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    expect(delivery.attemptLog[0]!.responseBody).toBe('database is down');
    expect(delivery.attemptLog[0]!.error).toBe('HTTP 500');
  });

  it('gives up on a receiver slower than the timeout and tries again', async () => {
    const target = await server((_r, i) => (i === 0 ? { ...ok, delayMs: 1500 } : ok));
    harness = await openHarness();
    harness.forwarding.createDestination(httpDestination(target.url, { timeoutMs: 300 }));
    await harness.ingest('job.paused', jobData);
    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'delivered', 'the delivery after a timeout');
    const log = harness.forwarding.listAttempts({}).items.reverse();
    expect(log[0]).toMatchObject({ attempt: 1, ok: false, statusCode: null, error: 'timed out after 300 ms' });
    expect(log[0]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(log[0]!.durationMs).toBeLessThan(1400);
    expect(log[1]).toMatchObject({ attempt: 2, ok: true, statusCode: 200 });
  });

  it('disables the destination on 410 Gone and says so', async () => {
    const target = await server(() => ({ status: 410, body: 'gone' }));
    const changes: unknown[] = [];
    harness = await openHarness({ onStateChange: (c) => changes.push(c) });
    const destination = harness.forwarding.createDestination(httpDestination(target.url));
    await harness.ingest('job.started', jobData);
    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'failed', 'the failed delivery');
    const after = harness.forwarding.getDestination(destination.id);
    expect(after.enabled).toBe(false);
    expect(after.stateReason).toContain('410');
    expect(changes).toEqual([expect.objectContaining({ destinationId: Number(destination.id), state: 'disabled' })]);
    // Disabled: new events are not queued for it, and nothing more is sent.
    await harness.ingest('job.done', jobData);
    expect(harness.forwarding.listDeliveries({}).items).toHaveLength(1);
    expect(target.requests).toHaveLength(1);
  });

  it('waits at least as long as a 429 Retry-After asks', async () => {
    const target = await server((_r, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : ok));
    harness = await openHarness();
    harness.forwarding.createDestination(httpDestination(target.url));
    await harness.ingest('job.started', jobData);
    await waitFor(() => target.requests.length === 2, 'the second attempt', 10_000);
    const gap = target.requests[1]!.at - target.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(3000);
  });

  it('gives up after maxAttempts and pauses the destination after consecutive failures, then resumes', async () => {
    let healthy = false;
    const target = await server(() => (healthy ? ok : { status: 503 }));
    const changes: { state: string }[] = [];
    harness = await openHarness({ onStateChange: (c) => changes.push(c) });
    const d = harness.forwarding.createDestination(httpDestination(target.url, { maxAttempts: 2, pauseAfterFailures: 3 }));
    await harness.ingest('job.started', jobData);
    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'failed', 'give-up after 2 attempts');
    expect(target.requests).toHaveLength(2);
    expect(harness.forwarding.getDestination(d.id).paused).toBe(false);

    await harness.ingest('job.done', jobData);
    await waitFor(() => harness!.forwarding.getDestination(d.id).paused, 'the automatic pause');
    expect(changes).toEqual([expect.objectContaining({ state: 'paused' })]);
    expect(target.requests).toHaveLength(3);
    const stats = harness.forwarding.destinationStats(d.id);
    expect(stats).toMatchObject({ consecutiveFailures: 3, queueDepth: 1, attempts: 3, successes: 0, successRate: 0, paused: true });

    // Paused: jobs wait. The operator fixes the receiver and resumes; the waiting job goes out.
    await harness.ingest('job.cancelled', jobData);
    expect(harness.forwarding.destinationStats(d.id).queueDepth).toBe(2);
    healthy = true;
    harness.forwarding.resumeDestination(d.id);
    await waitFor(() => harness!.forwarding.destinationStats(d.id).queueDepth === 0, 'the queue to drain');
    const final = harness.forwarding.destinationStats(d.id);
    expect(final).toMatchObject({ consecutiveFailures: 0, delivered: 2, failed: 1 });
    expect(final.lastSuccessAt).not.toBeNull();
    expect(final.medianMs).not.toBeNull();

    // Retry the delivery that was given up on: same delivery id, attempt numbers continue.
    const failed = harness.forwarding.listDeliveries({ status: 'failed' }).items[0]!;
    harness.forwarding.retryDelivery(failed.id);
    await waitFor(() => harness!.forwarding.getDelivery(failed.id).status === 'delivered', 'the manual retry');
    const detail = harness.forwarding.getDelivery(failed.id);
    expect(detail.attemptLog.map((a) => a.attempt)).toEqual([1, 2, 3]);
    const retried = target.requests.filter((r) => r.headers['x-webhook-id'] === failed.deliveryId);
    expect(retried.map((r) => r.headers['x-webhook-attempt'])).toEqual(['1', '2', '3']);
  });

  it('queues only events that pass the wildcard and printer filters; replay ignores filters', async () => {
    const target = await server(() => ok);
    harness = await openHarness();
    const d = harness.forwarding.createDestination(httpDestination(target.url, { events: ['job.*', '!job.paused'], printers: ['MK4*'] }));
    const onMk4 = (id: number, name: string) => ({ job: { id: 1, printer: { id, name } } });
    await harness.ingest('job.started', onMk4(1, 'MK4 #1'));
    await harness.ingest('job.paused', onMk4(1, 'MK4 #1'));
    await harness.ingest('job.done', onMk4(2, 'Voron'));
    const queueEvent = await harness.ingest('queue.add_item', { queue_item: { filename: 'a.gcode' } });
    await harness.ingest('job.failed', onMk4(3, 'mk4 #3'));
    await waitFor(() => target.requests.length === 2 && harness!.forwarding.destinationStats(d.id).queueDepth === 0, 'the two matching events');
    expect(target.requests.map((r) => JSON.parse(r.body).event)).toEqual(['job.started', 'job.failed']);

    const replay = harness.forwarding.replay(d.id, [String(queueEvent), '999999']);
    expect(replay.missingEventIds).toEqual(['999999']);
    expect(replay.deliveries).toHaveLength(1);
    expect(replay.deliveries[0]!.kind).toBe('replay');
    await waitFor(() => target.requests.length === 3, 'the replayed event');
    expect(JSON.parse(target.requests[2]!.body).event).toBe('queue.add_item');
  });

  it('keeps at most `concurrency` sends in flight', async () => {
    const target = await server(() => ({ ...ok, delayMs: 150 }));
    harness = await openHarness({ concurrency: 2, perDestination: 4 });
    harness.forwarding.createDestination(httpDestination(target.url));
    for (let i = 0; i < 6; i += 1) await harness.ingest('job.started', jobData);
    await waitFor(() => target.requests.length === 6, 'six deliveries');
    expect(target.maxOpen).toBe(2);
  });

  it('does not let one hanging destination take every slot', async () => {
    const hanging = await server(() => ({ ...ok, delayMs: 3000 }));
    const healthy = await server(() => ok);
    harness = await openHarness({ concurrency: 3, perDestination: 2 });
    harness.forwarding.createDestination(httpDestination(hanging.url, { name: 'hangs', timeoutMs: 5000 }));
    harness.forwarding.createDestination(httpDestination(healthy.url, { name: 'healthy' }));
    for (let i = 0; i < 4; i += 1) await harness.ingest('job.started', jobData);
    await waitFor(() => healthy.requests.length === 4, 'the healthy destination to get everything');
    expect(hanging.open).toBe(2);
    expect(hanging.maxOpen).toBe(2);
  });

  it('delivers in event order, one at a time, when the destination asks for order', async () => {
    // The first event's first attempt fails; an unordered destination would send the rest meanwhile.
    const target = await server((r, i) => (i === 0 ? { status: 500 } : { ...ok, delayMs: 20 }));
    harness = await openHarness({ concurrency: 4 });
    harness.forwarding.createDestination(httpDestination(target.url, { ordered: true }));
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await harness.ingest('job.started', jobData));
    await waitFor(() => target.requests.filter((r) => r.headers['x-webhook-attempt']).length === 5, 'five requests');
    const sequence = target.requests.map((r) => Number(JSON.parse(r.body).eventId));
    expect(sequence).toEqual([ids[0], ids[0], ids[1], ids[2], ids[3]]);
    expect(target.maxOpen).toBe(1);
  });

  it('follows a redirect on the same host but refuses one to another host', async () => {
    const other = await server(() => ok, '127.0.0.1');
    const sameHost = await server((r) => (r.path === '/old' ? { status: 307, headers: { location: '/new' } } : ok));
    const crossHost = await server(() => ({ status: 307, headers: { location: `${other.url}/steal` } }));
    harness = await openHarness();
    harness.forwarding.createDestination(httpDestination(`${sameHost.url}/old`, { name: 'moved' }));
    harness.forwarding.createDestination(httpDestination(crossHost.url.replace('127.0.0.1', 'localhost'), { name: 'elsewhere', maxAttempts: 1 }));
    await harness.ingest('job.started', jobData);
    await waitFor(() => harness!.forwarding.listDeliveries({ status: 'delivered,failed' }).items.length === 2, 'both deliveries to finish');
    expect(sameHost.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/old'],
      ['POST', '/new'],
    ]);
    expect(sameHost.requests[1]!.body).toBe(sameHost.requests[0]!.body);
    expect(other.requests).toHaveLength(0);
    const refused = harness.forwarding.listAttempts({}).items.find((a) => !a.ok);
    expect(refused?.error).toBe('redirect to another host (127.0.0.1) refused');
  });

  it('refuses cloud metadata addresses however they are written', async () => {
    harness = await openHarness();
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:169.254.169.254]/',
      'http://2852039166/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://[fd00:ec2::254]/',
    ]) {
      expect(() => harness!.forwarding.createDestination(httpDestination(url)), url).toThrow(/metadata/);
    }
    // A LAN address is what farms use, and is fine.
    expect(harness.forwarding.createDestination(httpDestination('http://192.168.1.20:1880/farm')).enabled).toBe(true);
  });

  it('forwarding history follows the event retention', async () => {
    const target = await server(() => ok);
    harness = await openHarness();
    harness.forwarding.createDestination(httpDestination(target.url));
    const kept = await harness.ingest('job.started', jobData);
    const dropped = await harness.ingest('job.done', jobData);
    await waitFor(() => harness!.forwarding.listDeliveries({ status: 'delivered' }).items.length === 2, 'both deliveries');
    harness.db.prepare('DELETE FROM events WHERE id = ?').run(dropped);
    expect(harness.forwarding.listDeliveries({}).items.map((d) => d.eventId)).toEqual([String(kept)]);
    expect(harness.forwarding.listAttempts({}).items).toHaveLength(1);
  });

  it('a send test reports the attempt without touching the destination health', async () => {
    const target = await server(() => ({ status: 500, body: 'nope' }));
    harness = await openHarness();
    const d = harness.forwarding.createDestination(httpDestination(target.url));
    const result = await harness.forwarding.sendTest(d.id);
    expect(result).toMatchObject({ kind: 'test', event: 'test', status: 'failed', attempts: 1 });
    expect(result.attemptLog).toEqual([expect.objectContaining({ ok: false, statusCode: 500, responseBody: 'nope' })]);
    expect(JSON.parse(target.requests[0]!.body)).toMatchObject({ event: 'test', category: 'test', eventId: null });
    expect(harness.forwarding.getDestination(d.id).consecutiveFailures).toBe(0);
  });
});
