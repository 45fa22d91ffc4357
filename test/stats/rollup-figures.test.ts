// A month of a simulated 20-printer farm through the real ingest path into a real SQLite file: the
// statistics must equal what the simulation knows happened, exactly, for ranges aligned to days and
// not, whatever order the deliveries arrive in and when some job endings never arrive.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateFarm, type Simulation } from '../../src/simulate/generate.js';
import { expectedFigures } from '../../src/simulate/truth.js';
import { STATS_HOOK } from '../../src/stats/ingest-hook.js';
import { createStatsQueries, type StatsQueries } from '../../src/stats/queries.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp-dir.js';
import { feed, shuffled } from './feed.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Not on a whole hour or day, so every range below has ragged edges.
const END = Date.UTC(2025, 5, 15, 12, 34, 56);

function rangesOf(sim: Simulation): [string, number, number][] {
  const { start, end } = sim.truth;
  return [
    ['whole month', start, end],
    ['last 24 h', end - DAY, end],
    ['last 7 d', end - 7 * DAY, end],
    ['ragged middle', start + 3 * DAY + 5 * HOUR + 1234, start + 17 * DAY + 13 * HOUR + 777],
    ['one UTC day', Date.UTC(2025, 5, 1), Date.UTC(2025, 5, 2)],
    ['an hour', end - 30 * HOUR, end - 29 * HOUR],
    ['beyond the data', start - 5 * DAY, end + 2 * DAY],
  ];
}

function expectFigures(stats: StatsQueries, sim: Simulation, from: number, to: number) {
  const now = sim.truth.end;
  const expected = expectedFigures(sim.truth, from, to, now);
  const query = { from: String(from), to: String(to) };

  const printers = stats.printers(query, now).printers;
  const byId = (list: { printerId: string }[]) => Object.fromEntries(list.map((p) => [p.printerId, p]));
  expect(byId(printers)).toEqual(byId(expected.printers));

  const farm = stats.farm(query, now);
  const { printingNow: _printingNow, ...totals } = farm.totals;
  expect(totals).toEqual(expected.farm);
  expect(farm.queue).toEqual(expected.queue);

  const deliveries = stats.deliveries({ ...query, bucket: 'hour' }, now);
  const nonZero = Object.fromEntries(Object.entries(deliveries.byCategory).filter(([, n]) => n > 0));
  expect(nonZero).toEqual(expected.deliveriesByCategory);
}

describe('statistics from the rollups equal the simulated truth', () => {
  const dir = tempDir('farmhook-stats-');
  let ordered: { db: Db; stats: StatsQueries; sim: Simulation };
  let disordered: { db: Db; stats: StatsQueries; sim: Simulation };

  beforeAll(async () => {
    const sim = simulateFarm({ printers: 20, days: 30, seed: 42, end: END });
    const db = openDatabase(join(dir.path, 'ordered.sqlite'));
    await feed(db, [STATS_HOOK], sim.deliveries);
    ordered = { db, stats: createStatsQueries(db), sim };

    // Out of order, in small batches, and 4 % of job endings never delivered.
    const lossy = simulateFarm({ printers: 20, days: 30, seed: 7, end: END, dropEndingRate: 0.04 });
    const db2 = openDatabase(join(dir.path, 'shuffled.sqlite'));
    await feed(db2, [STATS_HOOK], shuffled(lossy.deliveries, 99), 300);
    disordered = { db: db2, stats: createStatsQueries(db2), sim: lossy };
  });

  afterAll(() => {
    ordered.db.close();
    disordered.db.close();
    dir.remove();
  });

  it('the simulation is a plausible month', () => {
    const { truth, deliveries } = ordered.sim;
    expect(truth.printers).toHaveLength(20);
    expect(truth.printers.some((p) => /[А-я]/.test(p.name))).toBe(true);
    expect(deliveries.length).toBeGreaterThan(8000);
    const outcomes = new Set(truth.sessions.map((s) => s.outcome));
    expect(outcomes).toEqual(new Set(['done', 'failed', 'cancelled', null]));
    expect(truth.sessions.some((s) => s.pauses.length > 0)).toBe(true);
    expect(disordered.sim.truth.sessions.filter((s) => s.endingDropped).length).toBeGreaterThan(20);
  });

  it('reports exact figures for deliveries in order', () => {
    for (const [name, from, to] of rangesOf(ordered.sim)) {
      try {
        expectFigures(ordered.stats, ordered.sim, from, to);
      } catch (error) {
        throw new Error(`range "${name}": ${(error as Error).message}`);
      }
    }
  });

  it('reports exact figures for shuffled deliveries with lost job endings', () => {
    for (const [name, from, to] of rangesOf(disordered.sim)) {
      try {
        expectFigures(disordered.stats, disordered.sim, from, to);
      } catch (error) {
        throw new Error(`range "${name}": ${(error as Error).message}`);
      }
    }
    const month = disordered.stats.farm({ from: String(disordered.sim.truth.start), to: String(END) }, END);
    expect(month.totals.jobsLost).toBeGreaterThan(0);
  });

  it('stacks deliveries in local days', () => {
    const { stats, sim } = ordered;
    const week = stats.deliveries({ from: String(END - 7 * DAY), to: String(END), tzOffset: 180 }, END);
    expect(week.range.bucket).toBe('day');
    expect(week.buckets).toHaveLength(8);
    // Moscow midnight is 21:00 UTC.
    for (const bucket of week.buckets) expect(bucket.start).toMatch(/T21:00:00\.000Z$/);
    for (const bucket of week.buckets) expect(bucket.total).toBe(Object.values(bucket.counts).reduce((a, b) => a + b, 0));
    const first = Date.parse(week.buckets[0]!.start);
    const inRange = sim.truth.deliveries.filter((d) => d.at >= first && d.at < first + 8 * DAY);
    expect(week.total).toBe(inRange.length);
    const firstDay = sim.truth.deliveries.filter((d) => d.at >= first && d.at < first + DAY && d.category === 'job');
    expect(week.buckets[0]!.counts.job).toBe(firstDay.length);
  });

  it('refuses a range it cannot chart', () => {
    expect(() => ordered.stats.farm({ from: '2025-06-02', to: '2025-06-01' }, END)).toThrow(/before/);
    expect(() => ordered.stats.deliveries({ from: 'yesterday' }, END)).toThrow(/ISO-8601/);
    expect(() => ordered.stats.deliveries({ from: '0', to: String(END), bucket: 'hour' }, END)).toThrow(/buckets/);
    // Figures (not charts) over all time are fine.
    expect(ordered.stats.farm({ from: '0', to: String(END) }, END).totals.jobsStarted).toBe(ordered.sim.truth.sessions.length);
  });

  it('knows each printer’s current state', () => {
    for (const { stats, sim } of [ordered, disordered]) {
      const items = stats.printerStates(sim.truth.end).items;
      expect(items).toHaveLength(20);
      for (const item of items) {
        const truth = sim.truth.finalStates.get(item.printerId)!;
        const state = truth.outOfOrder ? 'out_of_order' : truth.maintenance ? 'maintenance' : truth.jobState;
        expect({ id: item.printerId, state: item.state, file: item.currentFile }).toEqual({
          id: item.printerId,
          state,
          file: truth.file,
        });
        expect(item.printerName).toBe(sim.truth.printers.find((p) => p.id === item.printerId)!.name);
      }
      const printing = items.filter((i) => i.jobState === 'printing' || i.jobState === 'paused').length;
      expect(stats.farm({}, sim.truth.end).totals.printingNow).toBe(printing);
    }
  });
});
