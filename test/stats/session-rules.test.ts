// The documented rules for deliveries that arrive late, twice, out of order or never, one at a time
// on a real database through the real ingest path.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimDelivery } from '../../src/simulate/printer-timeline.js';
import { STATS_HOOK } from '../../src/stats/ingest-hook.js';
import { createStatsQueries } from '../../src/stats/queries.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp-dir.js';
import { feed } from './feed.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 2, 10, 8, 0, 0);
const PRINTER = { id: 77, name: 'Принтер №7' };

function job(event: string, id: number, at: number, extra: { started?: number; ended?: number; estimateH?: number; state?: string; percentage?: number } = {}): SimDelivery {
  return {
    at,
    body: {
      webhook_id: 1,
      event,
      timestamp: at / 1000,
      data: {
        job: {
          id,
          uid: `uid-${id}`,
          printer_id: PRINTER.id,
          state: extra.state ?? 'printing',
          file: `part-${id}.gcode`,
          percentage: extra.percentage ?? 0,
          analysis: { estimate: (extra.estimateH ?? 5) * 3600, totalLayers: 100 },
          started: (extra.started ?? T0) / 1000,
          ended: extra.ended === undefined ? null : extra.ended / 1000,
          printer: PRINTER,
        },
      },
    },
  };
}

const dirs: { path: string; remove(): void }[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

async function store(deliveries: SimDelivery[]) {
  const dir = tempDir('farmhook-stats-rules-');
  dirs.push(dir);
  const db = openDatabase(join(dir.path, 'db.sqlite'));
  dbs.push(db);
  await feed(db, [STATS_HOOK], deliveries, 1);
  const stats = createStatsQueries(db);
  return {
    stats,
    more: (later: SimDelivery[]) => feed(db, [STATS_HOOK], later, 1),
    day: (now = T0 + 12 * HOUR) => stats.printers({ from: String(T0 - HOUR), to: String(T0 + 23 * HOUR) }, now).printers[0]!,
  };
}

describe('job sessions', () => {
  it('closes a job whose ending never came at the next start (or its estimate), and reopens it when the ending turns up', async () => {
    const a = (e: string, at: number, x = {}) => job(e, 1, at, { started: T0, estimateH: 1, ...x });
    const b = job('job.started', 2, T0 + 3 * HOUR, { started: T0 + 3 * HOUR, estimateH: 5 });
    const farm = await store([a('job.started', T0), b]);
    const now = T0 + 4 * HOUR;
    let day = farm.day(now);
    expect(day).toMatchObject({ jobsStarted: 2, jobsLost: 1, jobsFinished: 0, printHours: 1 + 1 });

    await farm.more([a('job.done', T0 + 2 * HOUR, { ended: T0 + 2 * HOUR, state: 'done' })]);
    day = farm.day(now);
    expect(day).toMatchObject({ jobsLost: 0, jobsFinished: 1, printHours: 2 + 1, avgJobHours: 2, successRate: 1 });
  });

  it('counts a repeated pause once and pairs pause/resume whatever order they arrive in', async () => {
    const started = job('job.started', 3, T0);
    const resumed = job('job.resumed', 3, T0 + HOUR + 30 * 60_000);
    const paused = job('job.paused', 3, T0 + HOUR, { state: 'paused', percentage: 20 });
    const pausedAgain = job('job.paused', 3, T0 + HOUR, { state: 'paused', percentage: 21 }); // another body, same instant
    const done = job('job.done', 3, T0 + 4 * HOUR, { ended: T0 + 4 * HOUR, state: 'done' });
    const farm = await store([done, resumed, started, pausedAgain, paused]);
    expect(farm.day()).toMatchObject({ jobsStarted: 1, jobsFinished: 1, printHours: 3.5, avgJobHours: 3.5 });
  });

  it('lets the later of two conflicting endings win, in either arrival order', async () => {
    const failed = job('job.failed', 4, T0 + HOUR, { ended: T0 + HOUR, state: 'failed' });
    const done = job('job.done', 4, T0 + 2 * HOUR, { ended: T0 + 2 * HOUR, state: 'done' });
    for (const order of [[failed, done], [done, failed]]) {
      const farm = await store([job('job.started', 4, T0), ...order]);
      expect(farm.day()).toMatchObject({ jobsFinished: 1, jobsFailed: 0, printHours: 2 });
    }
  });

  it('takes the start from data.job.started when job.started itself is lost', async () => {
    const farm = await store([job('job.failed', 5, T0 + 3 * HOUR, { started: T0 + HOUR, ended: T0 + 3 * HOUR, state: 'failed' })]);
    expect(farm.day()).toMatchObject({ jobsStarted: 1, jobsFailed: 1, printHours: 2, mtbfHours: 2, successRate: 0 });
  });
});

describe('printer state', () => {
  const oo = (at: number, flag: boolean): SimDelivery => ({
    at,
    body: { webhook_id: 1, event: 'printer.out_of_order_state_changed', timestamp: at / 1000, data: { printer: PRINTER, out_of_order: flag } },
  });

  it('follows event time, not arrival order', async () => {
    const done = job('job.done', 6, T0 + 2 * HOUR, { ended: T0 + 2 * HOUR, state: 'done' });
    const farm = await store([done, job('job.started', 6, T0), oo(T0 + 3 * HOUR, false), oo(T0 + HOUR, true)]);
    const [printer] = farm.stats.printerStates(T0 + 4 * HOUR).items;
    expect(printer).toMatchObject({
      printerName: 'Принтер №7',
      state: 'finished',
      since: new Date(T0 + 2 * HOUR).toISOString(),
      currentFile: 'part-6.gcode',
      jobStartedAt: new Date(T0).toISOString(),
    });
  });

  it('puts out of order and maintenance above the job state, and flags a print running far too long', async () => {
    const maintenance: SimDelivery = {
      at: T0 + HOUR,
      body: { webhook_id: 1, event: 'maintenance.job_started', timestamp: (T0 + HOUR) / 1000, data: { job: { id: 9, printer_id: PRINTER.id, printer_name: PRINTER.name, title: 'Nozzle', status: 'in_progress' } } },
    };
    const farm = await store([job('job.started', 7, T0, { estimateH: 2 }), maintenance]);
    expect(farm.stats.printerStates(T0 + 2 * HOUR).items[0]).toMatchObject({ state: 'maintenance', jobState: 'printing', stale: false });
    await farm.more([oo(T0 + 90 * 60_000, true)]);
    expect(farm.stats.printerStates(T0 + 2 * HOUR).items[0]).toMatchObject({ state: 'out_of_order', since: new Date(T0 + 90 * 60_000).toISOString() });
    // Estimate 2 h: stale after 2 h + max(2 h, 6 h) = 8 h, and printing time stops counting there.
    expect(farm.stats.printerStates(T0 + 9 * HOUR).items[0]!.stale).toBe(true);
    expect(farm.day(T0 + 20 * HOUR).printHours).toBe(8);
  });
});
