// The rejected-deliveries log stays bounded however many refusals arrive, and keeps the newest.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { prepareRejectionWriter, REJECTION_SAMPLE_BYTES } from '../../src/store/rejection-writer.js';
import { createRejectionReader } from '../../src/store/rejection-reader.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('the rejected-deliveries log', () => {
  it('keeps between `limit` and `limit + 100` of the newest refusals, and 4 KiB of each body', () => {
    const db = openDatabase(join(dir.path, 'log.sqlite'));
    const limit = 250;
    const write = prepareRejectionWriter(db, limit);
    const refuse = (i: number) =>
      write({ receivedAt: 1_764_000_000_000 + i, reason: 'wrong_secret', status: 401, message: 'no', remoteAddress: '203.0.113.9', method: 'POST', path: '/api/v1/simplyprint/webhook', headers: {}, bodySize: 9000, bodySample: Buffer.alloc(9000, 0x61) });
    db.transaction(() => {
      for (let i = 1; i <= 1234; i++) refuse(i);
    })();
    const { n, oldest } = db.prepare('SELECT count(*) AS n, min(id) AS oldest FROM rejections').get() as { n: number; oldest: number };
    expect(n).toBeGreaterThanOrEqual(limit);
    expect(n).toBeLessThanOrEqual(limit + 100);
    expect(oldest).toBe(1234 - n + 1);
    const [newest] = createRejectionReader(db).list({ limit: 1 }).items;
    expect(newest).toMatchObject({ id: '1234', reason: 'wrong_secret', bodySize: 9000 });
    expect(newest!.bodySample).toHaveLength(REJECTION_SAMPLE_BYTES);
    // The total still counts every refusal ever made.
    expect((db.prepare("SELECT value FROM counters WHERE name = 'rejected'").get() as { value: number }).value).toBe(1234);
    db.close();
  });
});
