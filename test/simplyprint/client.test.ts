// The SimplyPrint client against the local stand-in of SimplyPrint's API: every call, over real HTTP.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimplyPrintClient, clockSkewMs } from '../../src/simplyprint/index.js';
import { SimplyPrintStandin } from '../standins/simplyprint-api.js';

let sp: SimplyPrintStandin;
let client: SimplyPrintClient;

beforeAll(async () => {
  sp = await SimplyPrintStandin.start({ apiKey: 'key-for-client-tests-9f3a', companyId: 777 });
});
afterAll(() => sp.close());
beforeEach(() => {
  sp.webhooks.clear();
  sp.requests.length = 0;
  sp.clockOffsetMs = 0;
  client = new SimplyPrintClient({ apiKey: sp.apiKey, companyId: sp.companyId, baseUrl: sp.baseUrl, timeoutMs: 5_000 });
});

describe('account/Test', () => {
  it('confirms the key, sends it in X-API-KEY, and keeps the Date of the answer', async () => {
    sp.clockOffsetMs = -120_000; // SimplyPrint's clock two minutes behind this PC
    const result = await client.testKey();
    expect(result.message).toBe('Your API key is valid!');
    expect(sp.requests[0]).toMatchObject({ method: 'GET', call: 'account/Test', companyId: '777', apiKeyHeader: sp.apiKey });
    expect(result.serverTime).not.toBeNull();
    expect(client.lastServerTime).toEqual(result.serverTime);
    const skew = clockSkewMs(result.serverTime!);
    expect(skew).toBeGreaterThan(118_000);
    expect(skew).toBeLessThan(122_000);
  });

  it('accepts a base URL with a trailing slash and the /api form', async () => {
    const c = new SimplyPrintClient({ apiKey: sp.apiKey, companyId: 777, baseUrl: `${sp.baseUrl}/api/` });
    await expect(c.testKey()).resolves.toMatchObject({ message: 'Your API key is valid!' });
    expect(sp.requests[0]?.companyId).toBe('777');
  });
});

describe('webhooks', () => {
  it('creates a webhook enabled, and reads it back with unescaped URL and secret', async () => {
    const url = 'http://farm.example.net:13000/api/v1/simplyprint/webhook';
    const created = await client.saveWebhook({ name: 'FarmHook', url, events: ['job.started', 'job.done'], secret: 's3cr3t/+=' });
    expect(sp.requests[0]?.body).toEqual({ name: 'FarmHook', url, events: ['job.started', 'job.done'], enabled: true, secret: 's3cr3t/+=' });
    expect(created).toMatchObject({ id: expect.any(Number), name: 'FarmHook', url, enabled: true, secret: 's3cr3t/+=' });

    const list = await client.listWebhooks();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: created.id, url, events: ['job.started', 'job.done'], enabled: true, secret: 's3cr3t/+=' });
    expect(list[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reads answers encoded like PHP (\\/ and \\uXXXX), as the stand-in sends them', async () => {
    await client.saveWebhook({ name: 'Ферма №2', url: 'https://farm.example/api/v1/simplyprint/webhook', events: ['job.done'] });
    const raw = await (await fetch(`${sp.baseUrl}/777/webhooks/Get`, { headers: { 'X-API-KEY': sp.apiKey } })).text();
    expect(raw).toContain('https:\\/\\/farm.example\\/api');
    expect(raw).toContain('\\u0424');
    const [w] = await client.listWebhooks();
    expect(w).toMatchObject({ name: 'Ферма №2', url: 'https://farm.example/api/v1/simplyprint/webhook' });
  });

  it('updates by id, keeping the id, and re-enables it', async () => {
    const first = await client.saveWebhook({ name: 'FarmHook', url: 'https://old.trycloudflare.com/api/v1/simplyprint/webhook', events: ['job.done'] });
    await client.setWebhookEnabled(first.id, false);
    expect(sp.webhooks.get(first.id)?.enabled).toBe(false);

    const updated = await client.saveWebhook({ id: first.id, name: 'FarmHook', url: 'https://new.trycloudflare.com/api/v1/simplyprint/webhook', events: ['job.done', 'job.failed'] });
    expect(updated.id).toBe(first.id);
    expect(sp.webhooks.size).toBe(1);
    expect(sp.webhooks.get(first.id)).toMatchObject({ url: 'https://new.trycloudflare.com/api/v1/simplyprint/webhook', enabled: true, secret: null });
  });

  it('enables, disables and deletes', async () => {
    const w = await client.saveWebhook({ name: 'x', url: 'http://203.0.113.5:13000/hook', events: ['printer.material_changed'] });
    await client.setWebhookEnabled(w.id, false);
    expect((await client.listWebhooks())[0]?.enabled).toBe(false);
    await client.setWebhookEnabled(w.id, true);
    expect((await client.listWebhooks())[0]?.enabled).toBe(true);
    await client.deleteWebhook(w.id);
    expect(await client.listWebhooks()).toEqual([]);
  });

  it('gets sample payloads', async () => {
    const samples = await client.samplePayloads('job.done', 2);
    expect(sp.requests[0]?.query).toEqual({ event: 'job.done', limit: '2' });
    expect(samples).toHaveLength(2);
    expect(samples[0]).toMatchObject({ webhookId: 0, event: 'job.done', source: 'synthetic' });
    expect((samples[0]?.data as { job: { printer: { name: string } } }).job.printer.name).toBe('Prusa MK4 №1');
  });
});

describe('webhooks/TriggerTestWebhook', () => {
  let receiver: Server;
  let arrived: { url: string; headers: IncomingHttpHeaders; body: string }[];

  beforeAll(async () => {
    arrived = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        arrived.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('makes SimplyPrint POST a test envelope with the secret to the registered URL', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const w = await client.saveWebhook({ name: 'FarmHook', url: `http://127.0.0.1:${port}/api/v1/simplyprint/webhook`, events: ['job.done'], secret: 'a-very-secret-value' });
    const before = Math.floor(Date.now() / 1000);
    await client.triggerTestWebhook(w.id);

    const [delivery] = await sp.waitForDeliveries(1);
    expect(delivery).toMatchObject({ webhookId: w.id, status: 200, error: null });
    expect(arrived).toHaveLength(1);
    const got = arrived[0]!;
    expect(got.url).toBe('/api/v1/simplyprint/webhook');
    expect(got.headers['x-sp-secret']).toBe('a-very-secret-value');
    const envelope = JSON.parse(got.body) as Record<string, unknown>;
    expect(envelope).toEqual({ webhook_id: w.id, event: 'test', timestamp: expect.any(Number), data: {} });
    expect(envelope.timestamp as number).toBeGreaterThanOrEqual(before);
  });

  it('records a delivery that could not connect', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));

    const w = await client.saveWebhook({ name: 'gone', url: `http://127.0.0.1:${port}/hook`, events: ['job.done'] });
    const already = sp.deliveries.filter((d) => d.done).length;
    await client.triggerTestWebhook(w.id);
    const done = await sp.waitForDeliveries(already + 1);
    expect(done.at(-1)).toMatchObject({ webhookId: w.id, status: null, error: 'ECONNREFUSED' });
    expect(done.at(-1)?.headers['X-SP-Secret']).toBeUndefined();
  });
});
