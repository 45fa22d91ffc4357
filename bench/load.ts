// One autocannon run of POSTed deliveries, each body unique (else FarmHook rightly answers duplicates).
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * A job.done as SimplyPrint sends it (PHP escapes its slashes). Each request gets its own nonce and
 * the current time as `timestamp`, as a real delivery carries: the store's duplicate index is
 * ordered by that time (core-0003-dedup-index), so a frozen timestamp would measure a traffic
 * pattern SimplyPrint never produces.
 */
export function delivery(nonce: number, timestamp = Math.floor(Date.now() / 1000)): string {
  return JSON.stringify({
    webhook_id: 311,
    event: 'job.done',
    timestamp,
    data: {
      nonce,
      job: {
        id: 48213, uid: '0f7c2f0e-5b7a-4d4e-9f38-6a1f1c2d3e4f', printer_id: 56, state: 'done', file: 'Кронштейн_v2.gcode',
        percentage: 100, started: 1763990000, ended: 1764000000, printer: { id: 56, name: 'Принтер №3', group: { id: 2, name: 'Цех Б' } },
      },
    },
  }).replaceAll('/', '\\/');
}

/** Never restarts, so two runs against the same store in the same second send no duplicates. */
let nonce = 0;

export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: delivery(nonce++) }) }],
    connections,
    duration: seconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
