// Durable ingest against the bare Node server, in rounds. This VM's disk and CPU share drift by
// tens of percent within minutes, so each round runs the bare server, the design's floor (when asked
// for) and FarmHook back to back, and the figures reported are the medians over the rounds (the
// ratio: the median of the rounds' ratios).
import { join } from 'node:path';
import { freePort } from '../test/helpers/ports.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { load, type LoadResult } from './load.js';
import { startBare, startFarmhook, startFloor } from './processes.js';

export interface IngestFigures {
  senders: number;
  rounds: number;
  bare: LoadResult;
  farmhook: LoadResult;
  ratio: number;
  /**
   * The design's floor (floor-receiver.mjs), when asked for: its medians, its ratio to bare, and
   * FarmHook's ratio to it (how much of what the design allows on this machine FarmHook reaches).
   */
  floor: { load: LoadResult; ratio: number; farmhookRatio: number } | null;
  /** Each round's ratio, in the order run: how far this machine drifted during the run. */
  roundRatios: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function medianResult(results: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

interface Round {
  bare: LoadResult;
  floor: LoadResult | null;
  farmhook: LoadResult;
}

async function round(senders: number, seconds: number, token: string, withFloor: boolean): Promise<Round> {
  const barePort = await freePort();
  const bare = await startBare(barePort);
  const bareResult = await load(`http://127.0.0.1:${barePort}/`, senders, seconds);
  await bare.stop();

  let floorResult: LoadResult | null = null;
  if (withFloor) {
    const floorDir = tempDir('farmhook-bench-floor-');
    const floorPort = await freePort();
    const floor = await startFloor(floorPort, join(floorDir.path, 'floor.sqlite'));
    floorResult = await load(`http://127.0.0.1:${floorPort}/api/v1/simplyprint/webhook`, senders, seconds);
    await floor.stop();
    floorDir.remove();
  }

  const dir = tempDir('farmhook-bench-');
  const port = await freePort();
  const farmhook = await startFarmhook(dir.path, port, await freePort(), token);
  const farmhookResult = await load(`http://127.0.0.1:${port}/api/v1/simplyprint/webhook`, senders, seconds);
  await farmhook.stop();
  dir.remove();
  return { bare: bareResult, floor: floorResult, farmhook: farmhookResult };
}

export async function ingest(senders: number, rounds: number, seconds: number, token: string, withFloor = false): Promise<IngestFigures> {
  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) results.push(await round(senders, seconds, token, withFloor));
  const roundRatios = results.map((r) => r.farmhook.requestsPerSecond / r.bare.requestsPerSecond);
  const floors = withFloor ? results.map((r) => ({ ...r, floor: r.floor! })) : [];
  return {
    senders,
    rounds,
    bare: medianResult(results.map((r) => r.bare)),
    farmhook: medianResult(results.map((r) => r.farmhook)),
    ratio: median(roundRatios),
    floor: withFloor
      ? {
          load: medianResult(floors.map((r) => r.floor)),
          ratio: median(floors.map((r) => r.floor.requestsPerSecond / r.bare.requestsPerSecond)),
          farmhookRatio: median(floors.map((r) => r.farmhook.requestsPerSecond / r.floor.requestsPerSecond)),
        }
      : null,
    roundRatios,
  };
}
