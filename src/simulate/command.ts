// `farmhook simulate`: posts a realistic SimplyPrint farm's deliveries to a running receiver, to fill
// a demo, drive the statistics tests and feed benchmarks. Prints what the statistics should then say.
import { Command, InvalidArgumentError, Option } from 'commander';
import { expectedFigures } from './truth.js';
import { simulateFarm } from './generate.js';
import { postDeliveries, ReceiverRefused } from './post.js';

export const DEFAULT_SIMULATE_URL = 'http://127.0.0.1:13000/api/v1/simplyprint/webhook';
const DAY = 86_400_000;

export interface SimulateFlags {
  printers: number;
  days: number;
  speed: number;
  url: string;
  secret?: string;
  seed: number;
  concurrency: number;
  /** End of the simulated period (default: now, or when the last delivery is due at finite speed). */
  end?: number;
}

const positive = (name: string, integer: boolean) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new InvalidArgumentError(`${name} must be a positive ${integer ? 'whole ' : ''}number.`);
  }
  return n;
};

/** "max" or 0: as fast as possible; otherwise how many simulated seconds pass per real second. */
export function parseSpeed(value: string): number {
  if (value === 'max' || value === '0') return Infinity;
  return positive('--speed', false)(value);
}

export function registerSimulateCommand(program: Command): Command {
  return program
    .command('simulate')
    .description('Post realistic SimplyPrint deliveries (jobs, failures, queue, filament, maintenance) to a running receiver.')
    .addOption(new Option('--printers <n>', 'printers in the simulated farm').default(10).argParser(positive('--printers', true)))
    .addOption(new Option('--days <d>', 'days of farm life to simulate, ending now').default(7).argParser(positive('--days', false)))
    .addOption(
      new Option('--speed <x>', 'time compression: simulated seconds per real second; 0 or "max" = as fast as possible (timestamps still span the days, ending now)')
        .default(Infinity, 'max')
        .argParser(parseSpeed),
    )
    .addOption(new Option('--url <url>', 'webhook URL of the receiver').default(DEFAULT_SIMULATE_URL))
    .addOption(new Option('--secret <secret>', 'webhook secret, sent as X-SP-Secret (prefer FARMHOOK_SECRET: flags show in the process list)').env('FARMHOOK_SECRET'))
    .addOption(new Option('--seed <n>', 'random seed: the same seed gives the same farm').default(1).argParser(positive('--seed', true)))
    .addOption(
      new Option('--end <time>', 'end of the simulated period (ISO-8601 or Unix ms), for a reproducible farm').argParser((value) => {
        const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
        if (!Number.isFinite(ms)) throw new InvalidArgumentError('--end must be an ISO-8601 date or Unix milliseconds.');
        return ms;
      }),
    )
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').default(8).argParser(positive('--concurrency', true)))
    .action(async (flags: SimulateFlags) => {
      process.exitCode = await runSimulate(flags);
    });
}

const fmt = (n: number | null, digits = 1) => (n === null ? '–' : n.toFixed(digits));

/** Runs the simulation; returns the process exit code. */
export async function runSimulate(flags: SimulateFlags, out: (line: string) => void = console.log): Promise<number> {
  const wallStart = Date.now();
  // At finite speed the timeline ends when the last delivery is due, so events arrive "live".
  const end = flags.end ?? (Number.isFinite(flags.speed) ? wallStart + (flags.days * DAY) / flags.speed : wallStart);
  const sim = simulateFarm({ printers: flags.printers, days: flags.days, seed: flags.seed, end });
  const { truth } = sim;
  out(
    `Simulating ${flags.printers} printers over ${flags.days} days (seed ${flags.seed}): ${sim.deliveries.length} deliveries ` +
      `from ${new Date(truth.start).toISOString()} to ${new Date(truth.end).toISOString()}, posting to ${flags.url}` +
      (Number.isFinite(flags.speed) ? ` at ×${flags.speed}` : ' as fast as possible'),
  );

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  let lastReport = 0;
  try {
    const result = await postDeliveries(sim.deliveries, {
      url: flags.url,
      secret: flags.secret ?? null,
      concurrency: flags.concurrency,
      speed: flags.speed,
      timelineStart: truth.start,
      wallStart,
      signal: controller.signal,
      onProgress(p) {
        if (Date.now() - lastReport < 2000) return;
        lastReport = Date.now();
        out(`  ${p.sent}/${p.total} posted${p.failed ? `, ${p.failed} failed` : ''}${p.retries ? `, ${p.retries} retries` : ''}`);
      },
    });
    const rate = result.sent / Math.max(result.elapsedMs / 1000, 0.001);
    out(`Posted ${result.sent}/${result.total} in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(0)}/s), ${result.failed} failed, ${result.retries} retries.`);
    if (result.firstFailure) out(`First failure: ${result.firstFailure}`);
    if (controller.signal.aborted) {
      out('Interrupted: the figures below are for the whole simulation, not what was posted.');
    }

    const farm = expectedFigures(truth, truth.start, truth.end, truth.end).farm;
    out(
      `Expected statistics for ${new Date(truth.start).toISOString()} .. ${new Date(truth.end).toISOString()}: ` +
        `${farm.jobsStarted} started, ${farm.jobsFinished} finished, ${farm.jobsFailed} failed, ${farm.jobsCancelled} cancelled, ` +
        `${fmt(farm.printHours)} print hours, utilisation ${fmt(farm.utilisation * 100)} %, success ${fmt(farm.successRate === null ? null : farm.successRate * 100)} %.`,
    );
    return result.failed > 0 || controller.signal.aborted ? 1 : 0;
  } catch (error) {
    if (error instanceof ReceiverRefused) {
      out(error.message);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', stop);
  }
}
