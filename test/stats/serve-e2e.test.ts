// End to end: a real `farmhook serve` child process, `farmhook simulate` posting a month of a
// 20-printer farm over HTTP, and the statistics read back from the control API with the Bearer
// token must be exactly the figures the simulation knows. Needs `npm run build` (npm test runs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateFarm, type Simulation } from '../../src/simulate/generate.js';
import { expectedFigures } from '../../src/simulate/truth.js';
import type { FarmStats, PrinterStateList, PrinterStatsList } from '../../src/shared/stats.js';
import { runCli, startServe, type ServeProcess } from '../helpers/farmhook-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const END = Date.UTC(2025, 5, 15, 12, 34, 56);
const SEED = 42;

describe('statistics over HTTP from a real farmhook serve', () => {
  const dir = tempDir('farmhook-stats-e2e-');
  let serve: ServeProcess;
  let sim: Simulation;
  let simulateOutput = '';

  beforeAll(async () => {
    serve = await startServe(dir.path);
    const run = runCli(['simulate', '--printers', '20', '--days', '30', '--seed', String(SEED), '--end', new Date(END).toISOString(), '--url', serve.webhookUrl, '--concurrency', '24']);
    const { code } = await run.exited;
    simulateOutput = run.stdout() + run.stderr();
    expect(code, simulateOutput).toBe(0);
    sim = simulateFarm({ printers: 20, days: 30, seed: SEED, end: END });
  }, 120_000);

  afterAll(async () => {
    if (serve && serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGTERM');
    await serve?.exited;
    dir.remove();
  });

  async function get<T>(path: string): Promise<T> {
    const response = await serve.api(`/api/v1${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  it('posted every delivery of the month', () => {
    expect(simulateOutput).toContain(`Posted ${sim.deliveries.length}/${sim.deliveries.length}`);
  });

  it('answers exactly the simulated figures', async () => {
    const ranges: [string, number, number][] = [
      ['whole month', sim.truth.start, END],
      ['last 24 h', END - DAY, END],
      ['ragged middle', sim.truth.start + 3 * DAY + 5 * HOUR + 1234, sim.truth.start + 17 * DAY + 13 * HOUR + 777],
    ];
    for (const [name, from, to] of ranges) {
      const expected = expectedFigures(sim.truth, from, to, END);
      const query = `from=${new Date(from).toISOString()}&to=${to}`;
      const printers = await get<PrinterStatsList>(`/stats/printers?${query}`);
      const byId = (list: { printerId: string }[]) => Object.fromEntries(list.map((p) => [p.printerId, p]));
      expect(byId(printers.printers), name).toEqual(byId(expected.printers));
      const farm = await get<FarmStats>(`/stats/farm?${query}`);
      const { printingNow: _now, ...totals } = farm.totals;
      expect(totals, name).toEqual(expected.farm);
      expect(farm.queue, name).toEqual(expected.queue);
      expect(farm.topFailing.map((p) => p.jobsFailed), name).toEqual(
        expected.printers.map((p) => p.jobsFailed).filter((n) => n > 0).sort((a, b) => b - a).slice(0, 5),
      );
    }
  });

  it('charts deliveries and lists printers with their state', async () => {
    const deliveries = await get<{ total: number; buckets: unknown[] }>(`/stats/deliveries?from=${sim.truth.start}&to=${END}&bucket=day&tzOffset=180`);
    expect(deliveries.total).toBe(sim.deliveries.length);
    expect(deliveries.buckets).toHaveLength(31);

    const printers = await get<PrinterStateList>('/printers');
    expect(printers.items).toHaveLength(20);
    for (const item of printers.items) {
      const truth = sim.truth.finalStates.get(item.printerId)!;
      expect(item.jobState).toBe(truth.jobState);
      expect(item.currentFile).toBe(truth.file);
    }
    expect(printers.items.some((p) => /[А-я]/.test(p.printerName ?? ''))).toBe(true);
  });

  it('refuses bad ranges and requests without the token', async () => {
    const bad = await serve.api('/api/v1/stats/farm?from=2025-06-02&to=2025-06-01');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('bad_query');
    const badBucket = await serve.api('/api/v1/stats/deliveries?bucket=week');
    expect(badBucket.status).toBe(400);
    const anonymous = await fetch(`${serve.controlUrl}/api/v1/stats/farm`);
    expect(anonymous.status).toBe(401);
  });
});
