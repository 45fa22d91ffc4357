// Free-text search lives in its own file, built behind the deliveries (src/store/search-index.ts).
// Whether an event has been indexed yet or not, search must answer the same.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBatchCommitter, type BatchItem } from '../../src/store/batch-committer.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { createEventReader } from '../../src/store/event-reader.js';
import { attachSearch, createSearchIndexer, openSearchDatabase, searchFileFor } from '../../src/store/search-index.js';
import { startSearchIndexer } from '../../src/store/search-runner.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const dir = tempDir('farmhook-search-');
afterAll(() => dir.remove());

const DAY = 86_400_000;
let stores = 0;

function delivery(event: string, data: Record<string, unknown>, receivedAt = Date.now()): BatchItem {
  const raw = Buffer.from(JSON.stringify({ webhook_id: 1, event, timestamp: 1764000000, data }));
  return { kind: 'delivery', delivery: { raw, headers: {}, remoteAddress: '127.0.0.1', receivedAt } };
}

const FARM: BatchItem[] = [
  delivery('job.started', { job: { id: 1, file: 'Кронштейн_v2.gcode' }, printer: { id: 7, name: 'Принтер №3' } }),
  delivery('job.failed', { job: { id: 2, file: 'Café_sign.gcode' }, printer: { id: 8, name: 'MK4 West' } }),
  delivery('job.done', { job: { id: 3, file: 'bracket-left.gcode' }, printer: { id: 7, name: 'Принтер №3' } }),
  delivery('printer.material_changed', { printer: { id: 9, name: 'Voron 2.4' } }),
];

/** A store with its search file attached, as the service's reading connection has it. */
function openStore(): { db: Db; file: string; commit(items: BatchItem[]): void; search: Db; ids(q: string): string[] } {
  const file = join(dir.path, `store-${++stores}.sqlite`);
  const db = openDatabase(file);
  const commit = createBatchCommitter(db, []);
  const search = openSearchDatabase(searchFileFor(file));
  createSearchIndexer(db, search).adopt();
  attachSearch(db, searchFileFor(file));
  const reader = createEventReader(db);
  return { db, file, search, commit: (items) => void commit(items), ids: (q) => reader.list({ q, limit: 100 }).items.map((item) => item.id) };
}

const QUERIES = ['кронштейн', 'КРОНШТЕЙН', 'принтер №3', 'cafe', 'CAFÉ', 'bracket', 'Печать не', 'Print failed', 'voron', 'material', 'nothing like it'];

describe('free-text search', () => {
  it('answers the same before and after the index has reached the events', () => {
    const store = openStore();
    store.commit(FARM);
    const before = Object.fromEntries(QUERIES.map((q) => [q, store.ids(q)]));
    const indexer = createSearchIndexer(store.db, store.search);
    expect(indexer.behind()).toBe(FARM.length);
    expect(indexer.indexSome(1000)).toBe(FARM.length);
    expect(indexer.behind()).toBe(0);
    const after = Object.fromEntries(QUERIES.map((q) => [q, store.ids(q)]));
    expect(after).toEqual(before);
    expect(after).toMatchObject({
      кронштейн: ['1'],
      КРОНШТЕЙН: ['1'],
      'принтер №3': ['3', '1'],
      cafe: ['2'],
      CAFÉ: ['2'],
      bracket: ['3'],
      'Печать не': ['2'], // the Russian label of job.failed
      'Print failed': ['2'],
      voron: ['4'],
      'nothing like it': [],
    });
  });

  it('merges indexed and not yet indexed events into one newest-first page, filters and cursor included', () => {
    const store = openStore();
    store.commit(FARM);
    createSearchIndexer(store.db, store.search).indexSome(2); // events 1 and 2 indexed, 3 and 4 not
    store.commit([delivery('job.started', { job: { id: 4, file: 'Кронштейн_v3.gcode' }, printer: { id: 7, name: 'Принтер №3' } })]);
    const reader = createEventReader(store.db);
    expect(store.ids('принтер')).toEqual(['5', '3', '1']);
    expect(reader.list({ q: 'принтер', event: 'job.started' }).items.map((i) => i.id)).toEqual(['5', '1']);
    const first = reader.list({ q: 'принтер', limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual(['5', '3']);
    expect(reader.list({ q: 'принтер', limit: 2, cursor: first.nextCursor! }).items.map((i) => i.id)).toEqual(['1']);
  });

  it('never hands an event id out twice, so the index cannot describe a new event with old text', () => {
    const store = openStore();
    const old = Date.now() - 40 * DAY;
    store.commit(FARM.map((item) => (item.kind === 'delivery' ? { ...item, delivery: { ...item.delivery, receivedAt: old } } : item)));
    createSearchIndexer(store.db, store.search).indexSome(1000);
    expect(createEventReader(store.db).deleteOlderThan(30)).toBe(FARM.length);
    store.commit([delivery('job.done', { job: { id: 9, file: 'fresh.gcode' }, printer: { id: 7, name: 'Other' } })]);
    expect(store.ids('fresh')).toEqual(['5']);
    expect(store.ids('кронштейн')).toEqual([]);
    createSearchIndexer(store.db, store.search).indexSome(1000);
    expect(store.ids('fresh')).toEqual(['5']);
    expect(store.ids('кронштейн')).toEqual([]);
  });

  it('rebuilds a search file made for another database instead of trusting it', () => {
    const first = openStore();
    first.commit(FARM);
    createSearchIndexer(first.db, first.search).indexSome(1000);
    const second = openStore();
    second.commit([delivery('job.done', { job: { id: 1, file: 'unrelated.gcode' }, printer: { id: 1, name: 'P' } })]);
    second.search.close();
    first.search.close();
    second.db.close();
    copyFileSync(searchFileFor(first.file), searchFileFor(second.file));
    const db = openDatabase(second.file);
    const search = openSearchDatabase(searchFileFor(second.file));
    const indexer = createSearchIndexer(db, search);
    expect(indexer.adopt()).toBe(true);
    expect(indexer.adopt()).toBe(false);
    attachSearch(db, searchFileFor(second.file));
    expect(createEventReader(db).list({ q: 'кронштейн' }).items).toEqual([]);
    indexer.indexSome(1000);
    expect(createEventReader(db).list({ q: 'unrelated' }).items.map((i) => i.id)).toEqual(['1']);
  });
});

describe('the search indexer thread', () => {
  it('catches up with what is stored, and replaces a damaged search file instead of refusing to start', async () => {
    const file = join(dir.path, 'service.sqlite');
    const db = openDatabase(file);
    createBatchCommitter(db, [])(FARM);
    writeFileSync(searchFileFor(file), 'this is not a database, it is a sandwich '.repeat(200));
    const problems: string[] = [];
    const runner = await startSearchIndexer(file, { everyMs: 20, onProblem: (problem) => problems.push(problem) });
    expect(problems.join()).toMatch(/rebuilding it/);
    attachSearch(db, runner.file);
    const indexedUpTo = () => (db.prepare('SELECT indexed_upto FROM search.search_progress').get() as { indexed_upto: number }).indexed_upto;
    await waitFor(() => indexedUpTo() === FARM.length, 'the indexer to reach every event');
    createBatchCommitter(db, [])([delivery('job.done', { job: { id: 5, file: 'late-arrival.gcode' }, printer: { id: 7, name: 'P' } })]);
    await waitFor(() => indexedUpTo() === FARM.length + 1, 'the indexer to reach the new event');
    await runner.close();
    expect(createEventReader(db).list({ q: 'late-arrival' }).items.map((i) => i.id)).toEqual(['5']);
    db.close();
  });
});
