// The dashboard's connection writes too (forward attempts, alerts, retention) while the writer
// thread commits deliveries. Neither may make the other fail: a delivery answered 503 because
// another connection committed between its duplicate lookup and its insert was a real bug
// (SQLITE_BUSY_SNAPSHOT on a deferred transaction, which SQLite never retries).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/app.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';

let farm: RunningApp;
beforeAll(async () => {
  farm = await startApp();
});
afterAll(() => farm.close());

describe('deliveries while another connection keeps writing', () => {
  it('acknowledges every one of them', async () => {
    const other = new Database(join(farm.dataDir, DATABASE_FILE));
    other.pragma('busy_timeout = 5000');
    other.exec("INSERT INTO counters (name, value) VALUES ('test.other_writer', 0)");
    const bump = other.prepare("UPDATE counters SET value = value + 1 WHERE name = 'test.other_writer'");
    let writing = true;
    let writes = 0;
    const writeLoop = () => {
      if (!writing) return;
      bump.run();
      writes++;
      setImmediate(writeLoop);
    };
    setImmediate(writeLoop);
    try {
      const statuses: number[] = [];
      const sender = async (s: number) => {
        for (let i = 0; i < 100; i++) {
          const body = JSON.stringify({ webhook_id: 1, event: 'job.started', timestamp: 1_764_000_000, data: { sender: s, n: i, job: { id: i } } });
          statuses.push((await farm.post(body)).status);
        }
      };
      await Promise.all([0, 1, 2, 3].map(sender));
      expect(writes).toBeGreaterThan(100);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(statuses).toHaveLength(400);
    } finally {
      writing = false;
      other.close();
    }
  });
});
