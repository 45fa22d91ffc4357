// The local control API over a real port: who may call it, and what it answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/shared/events.js';
import type { EventPage, EventItem } from '../../src/shared/schemas.js';
import type { PushEvent } from '../../src/shared/push.js';
import { envelope, phpJson, printJob } from '../helpers/simplyprint-bodies.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { readSse } from '../helpers/sse.js';

let farm: RunningApp;
const posted: string[] = [];

/** 30 deliveries over three printers and a few event types, plus a legacy name. */
async function seed() {
  for (let i = 0; i < 30; i++) {
    const printer = { id: 100 + (i % 3), name: ['Принтер А', 'Prusa MK4 #2', 'Bambu X1C'][i % 3] };
    const event = ['job.started', 'job.done', 'job.failed'][i % 3]!;
    const body = envelope(event, { job: printJob({ id: 5000 + i, uid: `uid-${i}`, file: `part-${i}.gcode`, printer }) }, 1_764_000_000 + i);
    const answer = (await (await farm.post(phpJson(body))).json()) as { id: string };
    posted.push(answer.id);
  }
  await farm.post(phpJson(envelope('queue.item_added', { queue_item: { id: 1, filename: 'Шестерня.3mf' } })));
}

beforeAll(async () => {
  farm = await startApp();
  await seed();
});
afterAll(() => farm.close());

const page = async (query: string) => {
  const response = await farm.api(`/api/v1/events${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as EventPage;
};

describe('access', () => {
  it('refuses requests without the token, or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${farm.token}`, farm.token]) {
      const response = await fetch(`${farm.controlUrl}/api/v1/events`, { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('refuses any Host but loopback, even with the token (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${farm.controlUrl}/api/v1/events`, { headers: { host, authorization: `Bearer ${farm.token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await statusFor('evil.example.com')).toBe(403);
    expect(await statusFor('127.0.0.1.nip.io:13001')).toBe(403);
    expect(await statusFor('localhost:13001')).toBe(200);
    expect(await statusFor('[::1]:13001')).toBe(200);
    expect(await statusFor('127.0.0.1')).toBe(200);
  });

  it('is bound to loopback only', () => {
    expect(farm.controlUrl).toContain('127.0.0.1');
  });
});

describe('the event log', () => {
  it('pages newest first with a keyset cursor, every event exactly once', async () => {
    const seen: EventItem[] = [];
    let cursor: string | null = '';
    do {
      const result: EventPage = await page(`?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...result.items);
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(31);
    const ids = seen.map((item) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('filters by event, category, printer, job, time and free text', async () => {
    expect((await page('?event=job.failed')).items).toHaveLength(10);
    expect((await page('?event=job.failed,job.done')).items).toHaveLength(20);
    expect((await page('?category=queue')).items.map((i) => i.event)).toEqual(['queue.item_added']);
    expect((await page('?printer=101')).items.every((i) => i.printerName === 'Prusa MK4 #2')).toBe(true);
    expect((await page('?job=5007')).items.map((i) => i.jobFile)).toEqual(['part-7.gcode']);
    expect((await page('?job=uid-8')).items.map((i) => i.jobId)).toEqual(['5008']);
    expect((await page('?q=%D0%BF%D1%80%D0%B8%D0%BD%D1%82%D0%B5%D1%80')).items).toHaveLength(10); // "принтер", any case
    expect((await page('?q=part-2')).items.map((i) => i.jobFile).sort()).toEqual(['part-2.gcode', 'part-20.gcode', 'part-21.gcode', 'part-22.gcode', 'part-23.gcode', 'part-24.gcode', 'part-25.gcode', 'part-26.gcode', 'part-27.gcode', 'part-28.gcode', 'part-29.gcode']);
    expect((await page('?q=%D0%9F%D0%B5%D1%87%D0%B0%D1%82%D1%8C%20%D0%BD%D0%B5')).items).toHaveLength(10); // Russian label "Печать не…"
    expect((await page('?q=X1')).items).toHaveLength(10); // short text falls back to substring search
    const all = await page('?limit=1000');
    const middle = all.items[15]!;
    const to = await page(`?to=${encodeURIComponent(middle.receivedAt)}`);
    expect(to.items.every((i) => i.receivedAt < middle.receivedAt)).toBe(true);
    const from = await page(`?from=${Date.parse(middle.receivedAt)}`);
    expect(from.items.every((i) => i.receivedAt >= middle.receivedAt)).toBe(true);
    expect(from.items.length + to.items.length).toBe(31);
  });

  it('pages through filtered results too', async () => {
    const first = await page('?printer=102&limit=4');
    const second = await page(`?printer=102&limit=4&cursor=${first.nextCursor}`);
    expect(first.items).toHaveLength(4);
    expect(Number(second.items[0]!.id)).toBeLessThan(Number(first.items[3]!.id));
  });

  it('links legacy names and labels events', async () => {
    const [legacy] = (await page('?event=queue.item_added')).items;
    expect(legacy).toMatchObject({ canonical: 'queue.add_item', known: false, category: 'queue', label: describeEvent('queue.add_item').label.en, queueFile: 'Шестерня.3mf' });
  });

  it('answers bad filters with a clear 400', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?cursor=abc', '?from=yesterday']) {
      const response = await farm.api(`/api/v1/events${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { message: string }).message.length).toBeGreaterThan(5);
    }
    expect((await farm.api('/api/v1/events/999999')).status).toBe(404);
    expect((await farm.api('/api/v1/events/abc')).status).toBe(400);
  });

  it('exports the filtered log as CSV and NDJSON', async () => {
    const csv = await (await farm.api('/api/v1/events/export?format=csv&event=job.failed')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,receivedAt,timestamp,event,/);
    expect(lines).toHaveLength(11);
    const ndjson = await farm.api('/api/v1/events/export?format=ndjson&printer=100');
    expect(ndjson.headers.get('content-disposition')).toMatch(/attachment; filename="farmhook-events-.*\.ndjson"/);
    const rows = (await ndjson.text()).trim().split('\n').map((line) => JSON.parse(line) as { printerId: string; payload: { event: string } });
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.printerId === '100' && row.payload.event.startsWith('job.'))).toBe(true);
  });
});

describe('summary, rejections, status, health, OpenAPI', () => {
  it('summarises by event and category', async () => {
    const summary = (await (await farm.api('/api/v1/stats/summary')).json()) as Record<string, unknown>;
    expect(summary).toMatchObject({ total: 31, byCategory: { job: 30, queue: 1 }, byEvent: { 'job.failed': 10, 'queue.item_added': 1 }, duplicates: 0 });
    expect(typeof summary.lastEventAt).toBe('string');
  });

  it('reports the webhook URL, data dir and health', async () => {
    const status = (await (await farm.api('/api/v1/status')).json()) as { receiver: { webhookUrls: string[]; secretConfigured: boolean }; dataDir: string };
    expect(status.receiver.webhookUrls[0]).toBe(farm.webhookUrl);
    expect(status.receiver.secretConfigured).toBe(false);
    expect(status.dataDir).toBe(farm.dataDir);
    const health = (await (await farm.api('/api/v1/health')).json()) as { status: string; checks: { id: string; status: string }[] };
    expect(health.checks.find((c) => c.id === 'receiver.secret')?.status).toBe('warning');
    expect(health.checks.find((c) => c.id === 'database.integrity')?.status).toBe('ok');
    expect(health.status).toBe('warning');
  });

  it('serves an OpenAPI document describing every route', async () => {
    const doc = (await (await farm.api('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/events', '/api/v1/events/{id}', '/api/v1/stats/summary', '/api/v1/rejections', '/api/v1/stream', '/api/v1/status']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('deletes events older than N days after saying how many', async () => {
    const preview = (await (await farm.api('/api/v1/events/retention?olderThanDays=0')).json()) as { count: number };
    expect(preview.count).toBe(31);
    const keep = (await (await farm.api('/api/v1/events/retention?olderThanDays=1')).json()) as { count: number };
    expect(keep.count).toBe(0);
  });
});

describe('the live stream', () => {
  it('pushes each stored event and each refusal as it commits', async () => {
    const stream = await readSse(`${farm.controlUrl}/api/v1/stream`, farm.token);
    try {
      await farm.post(phpJson(envelope('job.resumed', { job: printJob({ id: 'live-1' }) })));
      await farm.post('not json');
      const stored = await stream.next((p: PushEvent) => p.type === 'event.stored');
      expect(stored).toMatchObject({ type: 'event.stored', event: { event: 'job.resumed', jobId: 'live-1', printerName: 'Принтер №3' } });
      const refused = await stream.next((p: PushEvent) => p.type === 'rejection.recorded');
      expect(refused).toMatchObject({ rejection: { reason: 'malformed_json', status: 400 } });
    } finally {
      stream.close();
    }
  });

  it('requires the token', async () => {
    expect((await fetch(`${farm.controlUrl}/api/v1/stream`)).status).toBe(401);
  });
});
