// When the database refuses a write, the sender is told (503, so SimplyPrint retries), nothing is
// acknowledged, an alert says deliveries cannot be stored, and all is well again once it clears.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/app.js';
import { envelope, phpJson, printJob } from '../helpers/simplyprint-bodies.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { readSse } from '../helpers/sse.js';
import { waitFor } from '../helpers/wait.js';

let farm: RunningApp;
beforeAll(async () => {
  farm = await startApp();
});
afterAll(() => farm.close());

const openAlerts = async () =>
  ((await (await farm.api('/api/v1/alerts?status=open')).json()) as { items: { rule: string; key: string }[] }).items;

describe('a database that refuses writes', () => {
  it('answers 503, stores nothing, raises an alert, and recovers', async () => {
    // Another program holding the write lock longer than SQLite's busy timeout: a real way for the
    // commit to fail on a workshop PC (a backup tool, a second FarmHook on the same folder).
    const stream = await readSse(`${farm.controlUrl}/api/v1/stream`, farm.token);
    const intruder = new Database(join(farm.dataDir, DATABASE_FILE));
    intruder.exec('BEGIN IMMEDIATE');
    try {
      const refused = await farm.post(phpJson(envelope('job.failed', { job: printJob({ id: 'locked-1' }) })));
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: 'storage_failed' });
    } finally {
      intruder.exec('ROLLBACK');
      intruder.close();
    }
    // The alert is pushed at once (tray, notifications, dashboard), even though the database could
    // not record it at that moment.
    const raised = await stream.next((p) => p.type === 'alert.changed' && p.alert.rule === 'database.error');
    expect(raised).toMatchObject({ change: 'raised', alert: { key: 'database.error:ingest' } });
    stream.close();
    const page = (await (await farm.api('/api/v1/events?job=locked-1')).json()) as { items: unknown[] };
    expect(page.items).toEqual([]);

    // SimplyPrint's retry now lands, and the alert closes.
    const retried = await farm.post(phpJson(envelope('job.failed', { job: printJob({ id: 'locked-1' }) })));
    expect(retried.status).toBe(200);
    const history = await waitFor(async () => {
      const items = ((await (await farm.api('/api/v1/alerts?status=all')).json()) as { items: { key: string; status: string }[] }).items;
      return items.find((a) => a.key === 'database.error:ingest' && a.status === 'resolved');
    }, 'the alert, recorded and resolved');
    expect(history).toBeTruthy();
    expect(await openAlerts()).not.toContainEqual(expect.objectContaining({ key: 'database.error:ingest' }));
  });
});
