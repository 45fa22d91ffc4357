// `npm run bench`: durable ingest against a bare Node server in the same run, and the event log's
// first page on a database of 1,000,000 events. Prints a Markdown table for BENCHMARKS.md.
import { cpus } from 'node:os';
import { freePort } from '../test/helpers/ports.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { fillEvents } from './fill-events.js';
import { firstPaint } from './first-paint.js';
import { fsyncFloor } from './fsync-floor.js';
import { ingest } from './ingest.js';
import { startFarmhook } from './processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
// 4 for the latency goal, 32 for the throughput goal, 64 to show where each server tops out: on two
// cores the servers and the load generator keep waiting for each other's turn on a core, so more
// senders still gain (BENCHMARKS.md, fifth session).
const SENDERS = (process.env.BENCH_SENDERS ?? '4,32,64').split(',').map(Number);
// Adds the design's floor (floor-receiver.mjs) to every round.
const FLOOR = process.env.BENCH_FLOOR === '1';
const TOKEN = 'bench-token';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function timeRequests(url: string, times: number): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(times / 2)]!, p95: samples[Math.floor(times * 0.95)]! };
}

async function reads() {
  const dir = tempDir('farmhook-bench-read-');
  const started = performance.now();
  // BENCH_FILL_HOOKS=none fills the event store alone (much faster): for the event-log figures only.
  await fillEvents(dir.path, EVENTS, process.env.BENCH_FILL_HOOKS === 'none' ? [] : undefined);
  const fillSeconds = (performance.now() - started) / 1000;
  const controlPort = await freePort();
  const farmhook = await startFarmhook(dir.path, await freePort(), controlPort, TOKEN);
  const base = `http://127.0.0.1:${controlPort}/api/v1`;
  const queries: [string, string][] = [
    ['first page, no filter', '/events?limit=100'],
    ['first page, printer filter', '/events?limit=100&printer=7'],
    ['first page, event filter', '/events?limit=100&event=job.failed'],
    ['first page, category + time range', `/events?limit=100&category=job&from=${Date.now() - 7 * 86_400_000}&to=${Date.now() - 86_400_000}`],
    ['first page, free text', `/events?limit=100&q=${encodeURIComponent('Кронштейн')}`],
    ['summary', '/stats/summary'],
    ['statistics, 30 days: deliveries by day', `/stats/deliveries?from=${Date.now() - 30 * 86_400_000}&bucket=day`],
    ['statistics, 30 days: per printer', `/stats/printers?from=${Date.now() - 30 * 86_400_000}`],
    ['statistics, 30 days: farm totals', `/stats/farm?from=${Date.now() - 30 * 86_400_000}`],
    ['printers and their states', '/printers'],
  ];
  const results = [];
  for (const [name, path] of queries) {
    await timeRequests(base + path, 3); // warm
    results.push({ name, path, ...(await timeRequests(base + path, 40)) });
  }
  const paint = await firstPaint(`http://127.0.0.1:${controlPort}`, TOKEN);
  await farmhook.stop();
  dir.remove();
  return { fillSeconds, results, paint };
}

console.log(`FarmHook benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`);
console.log(`## Durable ingest (${SECONDS} s per run, median of ${ROUNDS} rounds, every 200 after fsync)\n`);
const floorHead = FLOOR ? ' floor req/s | floor ratio | floor p99 | FarmHook / floor |' : '';
console.log(`| senders | bare Node req/s | FarmHook req/s | ratio | FarmHook p50 | FarmHook p99 | bare p99 | errors |${floorHead}`);
console.log(`|---|---|---|---|---|---|---|---|${FLOOR ? '---|---|---|---|' : ''}`);
const drift: string[] = [];
const best = { bare: { rate: 0, senders: 0 }, farmhook: { rate: 0, senders: 0 } };
for (const senders of SENDERS) {
  const { bare, farmhook, floor, ratio, roundRatios } = await ingest(senders, ROUNDS, SECONDS, TOKEN, FLOOR);
  if (bare.requestsPerSecond > best.bare.rate) best.bare = { rate: bare.requestsPerSecond, senders };
  if (farmhook.requestsPerSecond > best.farmhook.rate) best.farmhook = { rate: farmhook.requestsPerSecond, senders };
  drift.push(`${senders} senders ${roundRatios.map((r) => `${fmt(100 * r)}%`).join(', ')}`);
  console.log(
    `| ${senders} | ${fmt(bare.requestsPerSecond)} | ${fmt(farmhook.requestsPerSecond)} | ${fmt(100 * ratio)}% | ${fmt(farmhook.p50, 2)} ms | ${fmt(farmhook.p99, 2)} ms | ${fmt(bare.p99, 2)} ms | ${farmhook.errors + farmhook.non2xx} |` +
      (floor ? ` ${fmt(floor.load.requestsPerSecond)} | ${fmt(100 * floor.ratio)}% | ${fmt(floor.load.p99, 2)} ms | ${fmt(100 * floor.farmhookRatio)}% |` : ''),
  );
}
console.log(`\nEach round's ratio, in the order run: ${drift.join('; ')}.`);
console.log(
  `\nEach server at its best over these sender counts: bare ${fmt(best.bare.rate)} req/s (${best.bare.senders} senders), ` +
    `FarmHook ${fmt(best.farmhook.rate)} req/s (${best.farmhook.senders} senders): ${fmt((100 * best.farmhook.rate) / best.bare.rate)}%.`,
);
const disk = fsyncFloor();
console.log(`\nThe disk's floor, measured after the runs: a 12-page overwrite + fsync takes ${fmt(disk.p50, 2)} ms at the median, ${fmt(disk.p99, 2)} ms at p99 (quiet machine).\n`);

if (EVENTS > 0) {
const { fillSeconds, results, paint } = await reads();
console.log(`\n## Reads on ${fmt(EVENTS)} stored events (filled through the ingest path in ${fmt(fillSeconds, 1)} s), over HTTP\n`);
console.log('| query | median | p95 |');
console.log('|---|---|---|');
for (const r of results) console.log(`| ${r.name} (\`${r.path.replace(/from=\d+&to=\d+/, 'from=…&to=…').replace(/from=\d+/, 'from=…')}\`) | ${fmt(r.median, 2)} ms | ${fmt(r.p95, 2)} ms |`);
console.log(`\n## Dashboard first paint on ${fmt(EVENTS)} stored events (Chromium, loopback, median of 5)\n`);
console.log('| page | first paint |');
console.log('|---|---|');
console.log(`| Overview (figures shown) | ${fmt(paint.overview)} ms |`);
console.log(`| Event log (first rows shown) | ${fmt(paint.eventLog)} ms |`);
}
