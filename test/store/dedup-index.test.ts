// core-0003-dedup-index moves duplicate detection onto an index ordered by SimplyPrint's timestamp.
// A store created before it must come out with the new index, and still recognise re-deliveries of
// the events it already held.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyHash, createBatchCommitter, type BatchItem } from '../../src/store/batch-committer.js';
import { openDatabase } from '../../src/store/database.js';
import { runMigrations } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('farmhook-dedup-');
afterAll(() => dir.remove());

const delivery = (body: object): BatchItem => ({
  kind: 'delivery',
  delivery: { raw: Buffer.from(JSON.stringify(body)), headers: {}, remoteAddress: '127.0.0.1', receivedAt: Date.now() },
});
const timed = delivery({ webhook_id: 1, event: 'job.started', timestamp: 1_764_000_000, data: { job: { id: 1 } } });
const untimed = delivery({ webhook_id: 1, event: 'printer.online', data: { printer: { id: 7 } } });

describe('the duplicate index migration', () => {
  it('upgrades a store from before it, and its old events are still recognised when re-sent', () => {
    const file = join(dir.path, 'old.sqlite');
    const before = new Database(file);
    before.pragma('journal_mode = WAL');
    const upTo = MIGRATIONS.findIndex((m) => m.id === 'core-0003-dedup-index');
    expect(upTo).toBeGreaterThan(0);
    runMigrations(before, MIGRATIONS.slice(0, upTo));
    const oldIndexes = () => before.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events'").pluck().all();
    expect(oldIndexes()).toContain('events_body_hash');
    // Stored the way the old code stored them: same columns, same hash.
    before.prepare('INSERT INTO events (received_at, event, category, event_ts, body_hash) VALUES (?, ?, ?, ?, ?)').run(1, 'job.started', 'job', 1_764_000_000, hashOf(timed));
    before.prepare('INSERT INTO events (received_at, event, category, event_ts, body_hash) VALUES (?, ?, ?, ?, ?)').run(2, 'printer.online', 'printer', null, hashOf(untimed));
    before.close();

    const db = openDatabase(file);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events'").pluck().all();
    expect(indexes).toContain('events_dedup');
    expect(indexes).not.toContain('events_body_hash');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id, duplicates FROM events WHERE event_ts IS ? AND body_hash = ?').all(null, Buffer.alloc(16)) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('USING INDEX events_dedup (event_ts=? AND body_hash=?)');

    const commit = createBatchCommitter(db, []);
    expect(commit([timed, untimed])).toEqual([
      { kind: 'duplicate', id: 1, duplicates: 1 },
      { kind: 'duplicate', id: 2, duplicates: 1 },
    ]);
    db.close();
  });
});

function hashOf(item: BatchItem): Buffer {
  if (item.kind !== 'delivery') throw new Error('a delivery');
  return bodyHash(item.delivery.raw);
}