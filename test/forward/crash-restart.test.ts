// The real `farmhook serve` killed with -9 while forward jobs are pending, in flight and waiting to
// be retried, then started again on the same data dir: every job is delivered, pending ones at
// once, retrying ones no earlier than their due time, each with the delivery id it was given.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../helpers/farmhook-process.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

interface Hit {
  id: string;
  attempt: number;
  at: number;
}

/** A receiver that hangs (never answers) until told to answer 200. */
async function receiver(port = 0) {
  const state = { hang: true, hits: [] as Hit[] };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.hits.push({ id: String(req.headers['x-webhook-id']), attempt: Number(req.headers['x-webhook-attempt']), at: Date.now() });
      if (!state.hang) res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    state,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function call(serve: ServeProcess, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${serve.controlUrl}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${serve.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const deliveries = async (serve: ServeProcess, destination: string): Promise<Json[]> =>
  (await call(serve, `/forward/deliveries?destination=${destination}&limit=1000`)).items;

describe('forwarding across kill -9', () => {
  it('delivers every pending, in-flight and retrying job after a restart', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const hanging = await receiver();
    cleanup.push(() => hanging.close());
    const downPort = await freePort();

    let serve = await startServe(dir.path);
    cleanup.push(() => {
      if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
    });
    const slow = await call(serve, '/forward/destinations', { name: 'hangs', timeoutMs: 60_000, config: { type: 'http', url: hanging.url } });
    const down = await call(serve, '/forward/destinations', { name: 'down', config: { type: 'http', url: `http://127.0.0.1:${downPort}/in` } });

    const N = 8;
    for (let i = 0; i < N; i += 1) {
      const body = JSON.stringify({ webhook_id: 1, event: 'job.started', timestamp: 1_764_000_000 + i, data: { job: { id: i } } });
      expect((await fetch(serve.webhookUrl, { method: 'POST', body })).status).toBe(200);
    }
    // Stored means queued: N jobs per destination are in the outbox before anything is sent.
    await waitFor(async () => (await deliveries(serve, slow.id)).length === N && (await deliveries(serve, down.id)).length === N, 'the outbox');
    // Some sends hang in flight; the other destination's jobs have failed once and wait to retry.
    await waitFor(() => hanging.state.hits.length >= 2, 'sends in flight');
    await waitFor(async () => (await deliveries(serve, down.id)).every((d: Json) => d.status === 'retrying'), 'jobs waiting to retry');
    const before = new Map((await deliveries(serve, down.id)).map((d: Json) => [d.deliveryId, d]));
    const slowIds = new Set((await deliveries(serve, slow.id)).map((d: Json) => d.deliveryId));

    serve.child.kill('SIGKILL');
    await serve.exited;
    const killedAt = Date.now();
    const inFlightAtKill = new Set(hanging.state.hits.map((h) => h.id));
    expect(inFlightAtKill.size).toBeLessThan(N);

    // The receivers come back; so does FarmHook, on the same data dir and ports.
    hanging.state.hang = false;
    const upAgain = await receiver(downPort);
    cleanup.push(() => upAgain.close());
    upAgain.state.hang = false;
    serve = await startServe(dir.path, [], { port: serve.port, controlPort: serve.controlPort });

    await waitFor(async () => {
      const all = [...(await deliveries(serve, slow.id)), ...(await deliveries(serve, down.id))];
      return all.length === 2 * N && all.every((d: Json) => d.status === 'delivered');
    }, 'every job delivered after the restart', 30_000);

    // Each job: one delivery id for life, and exactly one successful attempt in its log.
    for (const destination of [slow.id, down.id]) {
      for (const d of await deliveries(serve, destination)) {
        const detail = await call(serve, `/forward/deliveries/${d.id}`);
        expect(detail.attemptLog.filter((a: Json) => a.ok)).toHaveLength(1);
        expect(detail.attemptLog.map((a: Json) => a.attempt)).toEqual(detail.attemptLog.map((_: Json, i: number) => i + 1));
      }
    }
    // The hanging receiver saw every delivery id; those in flight at the kill came again, same id.
    const slowHits = hanging.state.hits;
    expect(new Set(slowHits.map((h) => h.id))).toEqual(slowIds);
    for (const id of inFlightAtKill) expect(slowHits.filter((h) => h.id === id).length).toBe(2);

    // Retrying jobs went out no earlier than the due time they had when FarmHook was killed.
    for (const hit of upAgain.state.hits) {
      const job = before.get(hit.id);
      expect(job, hit.id).toBeDefined();
      expect(hit.at).toBeGreaterThanOrEqual(Math.min(Date.parse(job.nextAttemptAt), killedAt) - 5);
      expect(hit.attempt).toBe(job.attempts + 1);
    }
    expect(new Set(upAgain.state.hits.map((h) => h.id)).size).toBe(N);

    serve.child.kill('SIGTERM');
    await serve.exited;
  });
});
