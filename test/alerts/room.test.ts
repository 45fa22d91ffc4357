// The alerts room against a real core: deliveries over a real port raise alerts, the control API lists
// and acknowledges them, settings and pauses persist, and open alerts survive a restart on the same
// SQLite file. The room's clock is injected so "six hours later" needs no waiting.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlertsRoom } from '../../src/alerts/room.js';
import { silentLogger } from '../../src/logger.js';
import { PushHub } from '../../src/push-hub.js';
import type { Alert, AlertPage, AlertSettings } from '../../src/shared/alerts.js';
import type { PushEvent } from '../../src/shared/push.js';
import { openDatabase } from '../../src/store/database.js';
import { createEventReader } from '../../src/store/event-reader.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { envelope, phpJson, printJob } from '../helpers/simplyprint-bodies.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

let running: RunningApp | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

const json = async <T>(response: Response): Promise<T> => {
  expect(response.ok, `${response.status} ${await response.clone().text()}`).toBe(true);
  return (await response.json()) as T;
};

describe('alerts in the running core', () => {
  it('a failed print over the receiver becomes an alert on the API and the stream; acknowledging ends it', async () => {
    running = await startApp();
    const pushes: PushEvent[] = [];
    running.app.hub.subscribe((push) => pushes.push(push));

    const failed = phpJson(envelope('job.failed', { job: printJob({ state: 'failed' }) }));
    expect((await running.post(failed)).status).toBe(200);
    const pushed = await waitFor(() => pushes.find((p) => p.type === 'alert.changed'), 'the alert push');
    expect(pushed).toMatchObject({ change: 'raised', notify: true, alert: { rule: 'job.failed', printerName: 'Принтер №3', file: 'Кронштейн_v2.gcode' } });

    const open = await json<AlertPage>(await running.api('/api/v1/alerts?status=open'));
    expect(open.items).toHaveLength(1);
    const alert = open.items[0]!;
    expect(alert.title).toBe('Print failed on Принтер №3');
    expect(alert.eventId).toMatch(/^\d+$/);

    // A second failure on the same printer is the same alert, counted.
    await running.post(phpJson(envelope('job.failed', { job: printJob({ id: 48214, state: 'failed' }) })));
    await waitFor(async () => (await json<AlertPage>(await running!.api('/api/v1/alerts?status=open'))).items[0]?.count === 2, 'the repeat');

    const acked = await json<Alert>(await running.api(`/api/v1/alerts/${alert.id}/acknowledge`, { method: 'POST' }));
    expect(acked).toMatchObject({ id: alert.id, status: 'resolved', resolution: 'acknowledged' });
    expect((await json<AlertPage>(await running.api('/api/v1/alerts?status=open'))).items).toHaveLength(0);
    expect((await json<AlertPage>(await running.api('/api/v1/alerts?status=resolved'))).items.map((a) => a.id)).toEqual([alert.id]);

    const missing = await running.api('/api/v1/alerts/999999/acknowledge', { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found', message: 'No alert 999999.' });
  });

  it('settings and the pause round-trip over HTTP and reject nonsense', async () => {
    running = await startApp();
    const defaults = await json<AlertSettings>(await running.api('/api/v1/alerts/settings'));
    expect(defaults.noDeliveryHours).toBe(6);
    expect(defaults.rules['queue.pending_approval'].enabled).toBe(false);

    const put = (body: unknown) =>
      running!.api('/api/v1/alerts/settings', { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const changed = await json<AlertSettings>(await put({ noDeliveryHours: 2, rules: { 'job.cancelled': { enabled: true } }, quietHours: { enabled: true } }));
    expect(changed).toMatchObject({ noDeliveryHours: 2, quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    expect(changed.rules['job.cancelled']).toEqual({ enabled: true, severity: 'info' });

    expect((await put({ noDeliveryHours: -1 })).status).toBe(400);
    expect((await put({ quietHours: { start: '25:00' } })).status).toBe(400);
    expect((await put({ rules: { 'no.such.rule': { enabled: true } } })).status).toBe(400);

    const paused = await json<AlertSettings>(
      await running.api('/api/v1/alerts/pause', { method: 'POST', body: JSON.stringify({ minutes: 60 }), headers: { 'content-type': 'application/json' } }),
    );
    const until = Date.parse(paused.pausedUntil!);
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });
});

describe('alerts across a restart on the same database file', () => {
  it('open alerts, history, settings and the printing picture survive; ids keep counting', () => {
    const dir = tempDir();
    const file = join(dir.path, 'farmhook.sqlite');
    let now = Date.parse('2025-03-01T12:00:00Z');
    const room = (db: ReturnType<typeof openDatabase>, hub: PushHub) =>
      createAlertsRoom({
        db,
        hub,
        logger: silentLogger(),
        health: async () => ({ status: 'ok', checks: [] }),
        getEvent: (id) => createEventReader(db).get(id),
        now: () => now,
        timers: { setInterval: () => null, clearInterval: () => {} },
      });
    try {
      const db1 = openDatabase(file);
      const hub1 = new PushHub((error) => {
        throw error;
      });
      const first = room(db1, hub1);
      first.start();
      const item = (id: string, event: string, printerId: string) => ({
        id,
        receivedAt: new Date(now).toISOString(),
        timestamp: null,
        event,
        category: event.split('.')[0] as 'job',
        label: event,
        known: true,
        canonical: null,
        webhookId: null,
        printerId,
        printerName: `P${printerId}`,
        jobId: null,
        jobUid: null,
        jobFile: 'a.gcode',
        jobState: null,
        userName: null,
        queueFile: null,
        duplicates: 0,
      });
      hub1.publish({ type: 'event.stored', event: item('1', 'job.failed', '1') });
      hub1.publish({ type: 'event.stored', event: item('2', 'job.failed', '2') });
      hub1.publish({ type: 'event.stored', event: item('3', 'job.started', '3') });
      first.acknowledge(first.open().find((a) => a.printerId === '2')!.id);
      first.updateSettings({ noDeliveryHours: 1 });
      void first.stop();
      db1.close();

      // Restart: a new connection, a new room, a later clock.
      now += 2 * 3_600_000;
      const db2 = openDatabase(file);
      const hub2 = new PushHub();
      const changes: PushEvent[] = [];
      hub2.subscribe((push) => changes.push(push));
      const second = room(db2, hub2);
      expect(second.settings().noDeliveryHours).toBe(1);
      expect(second.open().map((a) => [a.printerId, a.count])).toEqual([['1', 1]]);
      expect(second.list({ status: 'resolved' }).items.map((a) => a.printerId)).toEqual(['2']);
      // The events were never stored in this test's database, so printing comes from the room's
      // own picture... which a restart cannot know: nothing is printing, so silence is not an alert.
      second.start();
      expect(second.open().some((a) => a.rule === 'deliveries.silent')).toBe(false);

      hub2.publish({ type: 'event.stored', event: item('4', 'job.failed', '4') });
      const ids = second.list({ status: 'all' }).items.map((a) => Number(a.id));
      expect(new Set(ids).size).toBe(3);
      expect(Math.max(...ids)).toBe(3);
      void second.stop();
      db2.close();
    } finally {
      dir.remove();
    }
  });

  it('after a restart the silence rule knows which printers were printing (from the stored events)', async () => {
    running = await startApp();
    const nowSeconds = Math.floor(Date.now() / 1000);
    await running.post(phpJson(envelope('job.started', { job: printJob({ started: nowSeconds }) }, nowSeconds)));
    await waitFor(() => running!.app.context.alerts!.printingCount() === 1, 'the printer to be printing');
    const dataDir = running.dataDir;
    await running.app.stop();

    // Reopen the same data dir with a clock seven hours on.
    const db = openDatabase(join(dataDir, 'farmhook.sqlite'));
    try {
      const hub = new PushHub();
      const later = Date.now() + 7 * 3_600_000;
      const room = createAlertsRoom({
        db,
        hub,
        logger: silentLogger(),
        health: async () => ({ status: 'ok', checks: [] }),
        getEvent: () => null,
        now: () => later,
        timers: { setInterval: () => null, clearInterval: () => {} },
      });
      room.start();
      expect(room.printingCount()).toBe(1);
      expect(room.open().map((a) => a.rule)).toEqual(['deliveries.silent']);
      await room.stop();
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
      running = null; // stopped above
    }
  });
});

describe('alerts from the receiver and the ports', () => {
  it('deliveries refused for a wrong secret pile up into one alert', async () => {
    running = await startApp({ secret: 'right-secret-value' });
    const body = phpJson(envelope('job.started', { job: printJob() }));
    for (let i = 0; i < 5; i++) {
      const response = await running.post(body.replace('48213', String(50000 + i)), { 'x-sp-secret': 'wrong-secret-value' });
      expect(response.status).toBe(401);
    }
    const page = await waitFor(async () => {
      const open = await json<AlertPage>(await running!.api('/api/v1/alerts?status=open'));
      return open.items.length > 0 ? open : null;
    }, 'the wrong-secret alert');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ rule: 'deliveries.wrong_secret', severity: 'critical', count: 1 });
    expect(JSON.stringify(page)).not.toContain('wrong-secret-value');
  });

  it('a receiver port that is taken is a critical alert', async () => {
    const { createServer } = await import('node:net');
    const { createApp } = await import('../../src/app.js');
    const { resolveConfig } = await import('../../src/config.js');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = tempDir();
    const app = await createApp({ config: resolveConfig({ host: '127.0.0.1', port, controlPort: 0, dataDir: dir.path }, {}), logger: silentLogger() });
    try {
      await expect(app.start()).rejects.toThrow(String(port));
      const open = app.context.alerts!.open();
      expect(open.map((a) => [a.rule, a.severity])).toEqual([['receiver.not_listening', 'critical']]);
      expect(open[0]!.message).toContain(String(port));
    } finally {
      await app.stop();
      blocker.close();
      dir.remove();
    }
  });
});
