// The receiver over a real port, with realistic SimplyPrint bodies and every way a delivery is refused.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, phpJson, printJob, SHAPES } from '../helpers/simplyprint-bodies.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';

const SECRET = 'farm-secret-42/Zx+q';

let farm: RunningApp;
beforeAll(async () => {
  farm = await startApp({ secret: SECRET, bodyLimit: 64 * 1024 }, { receiverRequestTimeoutMs: 1500 });
});
afterAll(() => farm.close());

const withSecret = { 'x-sp-secret': SECRET };
const eventsStored = async () => ((await (await farm.api('/api/v1/stats/summary')).json()) as { total: number }).total;
const lastRejection = async () => {
  const page = (await (await farm.api('/api/v1/rejections?limit=1')).json()) as { items: Record<string, unknown>[] };
  return page.items[0];
};

describe('accepting SimplyPrint deliveries', () => {
  for (const shape of SHAPES) {
    it(`stores ${shape.name}, byte for byte`, async () => {
      const raw = phpJson(shape.body);
      const response = await farm.post(raw, withSecret);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { status: string; event: string; id: string };
      expect(answer).toEqual({ status: 'received', event: shape.body.event, id: expect.stringMatching(/^\d+$/) });

      const detail = (await (await farm.api(`/api/v1/events/${answer.id}`)).json()) as Record<string, unknown>;
      expect(detail.raw).toBe(raw);
      expect(detail).toMatchObject({ event: shape.body.event, ...shape.expect });
      expect((detail.headers as Record<string, string>)['x-sp-secret']).toBe('***');
      expect(JSON.stringify(detail)).not.toContain(SECRET);
    });
  }

  it('parses the body whatever the Content-Type says, or without one', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      const response = await farm.post(phpJson(envelope('job.paused', { job: printJob({ id: type }) })), { ...withSecret, 'content-type': type });
      expect(response.status, type).toBe(200);
    }
    const body = phpJson(envelope('job.paused', { job: printJob({ id: 1 }) }));
    const bare = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(farm.webhookUrl, { method: 'POST', headers: { ...withSecret, 'content-length': Buffer.byteLength(body) + 1 } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(`${body}\n`);
    });
    expect(bare).toBe(200);
  });

  it('accepts the secret in X-SP-Token too, and on the seed URL with or without the slash', async () => {
    for (const path of ['/api/v1/simplyprint/webhook/', '/api/v1/simpleprint/webhook', '/api/v1/simpleprint/webhook/']) {
      const response = await farm.post(phpJson(envelope('queue.empty_queue', { path })), { 'x-sp-token': SECRET }, path);
      expect(response.status, path).toBe(200);
    }
  });

  it('answers an exact re-delivery as a duplicate of the first, storing nothing new', async () => {
    const raw = phpJson(envelope('job.done', { job: printJob({ id: 777, state: 'done' }) }, 1_764_000_777));
    const first = (await (await farm.post(raw, withSecret)).json()) as { id: string };
    const before = await eventsStored();
    const again = await farm.post(raw, withSecret);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate', id: first.id });
    expect(await eventsStored()).toBe(before);
    const detail = (await (await farm.api(`/api/v1/events/${first.id}`)).json()) as { duplicates: number };
    expect(detail.duplicates).toBe(1);
    // The same event with another timestamp is a new delivery, not a duplicate.
    const later = await farm.post(raw.replace('1764000777', '1764000778'), withSecret);
    expect(((await later.json()) as { status: string }).status).toBe('received');
  });

  it('recognises a re-delivery without a timestamp too', async () => {
    // The duplicate index is ordered by SimplyPrint's timestamp first (core-0003-dedup-index); a
    // body without one must still be found.
    const raw = JSON.stringify({ webhook_id: 311, event: 'printer.online', data: { printer: { id: 77, name: 'Без времени' } } });
    const first = (await (await farm.post(raw, withSecret)).json()) as { status: string; id: string };
    expect(first.status).toBe('received');
    expect(await (await farm.post(raw, withSecret)).json()).toEqual({ status: 'duplicate', id: first.id });
    // Another body without a timestamp is its own event.
    const other = await farm.post(raw.replace('77', '78'), withSecret);
    expect(((await other.json()) as { status: string }).status).toBe('received');
  });

  it('stores concurrent deliveries each once, each with its own id', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) => phpJson(envelope('job.started', { job: printJob({ id: 10_000 + i }) })));
    const before = await eventsStored();
    const answers = await Promise.all(bodies.map(async (b) => (await (await farm.post(b, withSecret)).json()) as { id: string }));
    expect(new Set(answers.map((a) => a.id)).size).toBe(50);
    expect(await eventsStored()).toBe(before + 50);
  });
});

describe('refusing bad deliveries', () => {
  const cases: [string, string | Buffer, Record<string, string>, number, string][] = [
    ['no secret', phpJson(envelope('job.done', {})), {}, 401, 'missing_secret'],
    ['a wrong secret', phpJson(envelope('job.done', {})), { 'x-sp-secret': 'guess' }, 401, 'wrong_secret'],
    ['malformed JSON', '{"event":"job.done",', withSecret, 400, 'malformed_json'],
    ['a JSON array', '[1,2,3]', withSecret, 400, 'not_an_object'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x65, 0xff, 0x22, 0x3a, 0x31, 0x7d]), withSecret, 400, 'invalid_utf8'],
    ['no event', '{"data":{"job":{}}}', withSecret, 400, 'missing_event'],
    ['nesting deeper than 100', `{"event":"x","data":${'['.repeat(150)}${']'.repeat(150)}}`, withSecret, 400, 'too_deep'],
    ['a body over the limit', `{"event":"x","data":"${'a'.repeat(70 * 1024)}"}`, withSecret, 413, 'too_large'],
  ];

  for (const [name, body, headers, status, reason] of cases) {
    it(`answers ${status} to ${name}, logs it among rejections and stores no event`, async () => {
      const before = await eventsStored();
      const response = await farm.post(body, headers);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ status: 'rejected', error: reason, message: expect.any(String) });
      expect(await eventsStored()).toBe(before);
      const logged = await lastRejection();
      expect(logged).toMatchObject({ reason, status, method: 'POST', remoteAddress: expect.stringContaining('127.0.0.1') });
      expect(String(logged?.bodySample).length).toBeLessThanOrEqual(4096);
      expect(JSON.stringify(logged)).not.toContain(SECRET);
    });
  }

  it('keeps the first 4 KiB of a refused body and masks secret headers', async () => {
    await farm.post(`{"data":"${'z'.repeat(10_000)}"}`, { 'x-sp-token': SECRET, authorization: 'Bearer abc' });
    const logged = (await lastRejection()) as { bodySample: string; bodySize: number; headers: Record<string, string> };
    expect(logged.bodySample).toHaveLength(4096);
    expect(logged.bodySize).toBe(10_011);
    expect(logged.headers['x-sp-token']).toBe('***');
    expect(logged.headers.authorization).toBe('***');
  });

  it('records POSTs to a wrong path, so "sent but nothing arrived" can be diagnosed', async () => {
    const response = await farm.post(phpJson(envelope('test', {})), withSecret, '/api/v1/webhook');
    expect(response.status).toBe(404);
    expect(await lastRejection()).toMatchObject({ reason: 'wrong_path', path: '/api/v1/webhook' });
  });

  it('cuts off a sender that stalls mid-body, and keeps serving others', async () => {
    const socket = connect(Number(new URL(farm.receiverUrl).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /api/v1/simplyprint/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nx-sp-secret: ${SECRET}\r\n\r\n{"event":`);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // Others are served while it stalls.
    expect((await farm.post(phpJson(envelope('test', { during: 'stall' })), withSecret)).status).toBe(200);
    await closed;
    expect((await fetch(`${farm.receiverUrl}/healthz`)).status).toBe(200);
  });
});

describe('what else the receiver port serves', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${farm.receiverUrl}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('shows a page explaining the webhook URL to a browser', async () => {
    const response = await fetch(farm.webhookUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('FarmHook receiver');
    expect(html).toContain('POST');
    expect(html).not.toContain(SECRET);
  });

  it('serves nothing else: no events, no control API', async () => {
    for (const path of ['/api/v1/events', '/api/v1/stats/summary', '/api/v1/stream', '/']) {
      const response = await fetch(`${farm.receiverUrl}${path}`, { headers: { authorization: `Bearer ${farm.token}` } });
      expect(response.status, path).toBe(404);
    }
  });
});
