// Other connections write to the store while deliveries are committed: the dashboard's (forward
// attempts, alerts, retention) and, on a workshop PC, other programs. Neither may make a delivery
// fail for no reason: a delivery answered 503 because another connection committed between its
// duplicate lookup and its insert was a real bug (SQLITE_BUSY_SNAPSHOT on a deferred transaction,
// which SQLite never retries). The other writer runs on a thread of its own, so its commits really do
// land between the receiver's reads and writes.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/app.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';

let farm: RunningApp;
beforeAll(async () => {
  farm = await startApp();
});
afterAll(() => farm.close());

/** Commits one small transaction after another until told to stop; counts them in `shared[1]`. */
const OTHER_WRITER = `
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const shared = new Int32Array(workerData.shared);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.exec("INSERT INTO counters (name, value) VALUES ('test.other_writer', 0)");
const bump = db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'test.other_writer'");
while (Atomics.load(shared, 0) === 0) {
  bump.run();
  Atomics.add(shared, 1, 1);
}
db.close();
`;

describe('deliveries while another connection keeps writing', () => {
  it('acknowledges every one of them', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const other = new Worker(OTHER_WRITER, { eval: true, workerData: { file: join(farm.dataDir, DATABASE_FILE), shared: shared.buffer } });
    const exited = new Promise((resolve, reject) => other.once('exit', resolve).once('error', reject));
    try {
      const statuses: number[] = [];
      const sender = async (s: number) => {
        for (let i = 0; i < 100; i++) {
          const body = JSON.stringify({ webhook_id: 1, event: 'job.started', timestamp: 1_764_000_000, data: { sender: s, n: i, job: { id: i } } });
          statuses.push((await farm.post(body)).status);
        }
      };
      await Promise.all([0, 1, 2, 3].map(sender));
      expect(Atomics.load(shared, 1)).toBeGreaterThan(100);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(statuses).toHaveLength(400);
    } finally {
      Atomics.store(shared, 0, 1);
      await exited;
    }
  });
});
