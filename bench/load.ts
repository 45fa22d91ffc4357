// One autocannon run of POSTed deliveries, each body unique (else FarmHook rightly answers duplicates).
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export const DELIVERY = JSON.stringify({
  webhook_id: 311,
  event: 'job.done',
  timestamp: 1764000000,
  data: {
    nonce: '[<id>]',
    job: {
      id: 48213, uid: '0f7c2f0e-5b7a-4d4e-9f38-6a1f1c2d3e4f', printer_id: 56, state: 'done', file: 'Кронштейн_v2.gcode',
      percentage: 100, started: 1763990000, ended: 1764000000, printer: { id: 56, name: 'Принтер №3', group: { id: 2, name: 'Цех Б' } },
    },
  },
}).replaceAll('/', '\\/');

export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: DELIVERY,
    idReplacement: true,
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
