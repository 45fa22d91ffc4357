// A forwarding set-up on real parts: a SQLite file in a temp dir, the real ingest queue with the
// outbox hook, the real secrets store, and local HTTP servers that answer as a test scripts them.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { Forwarding } from '../../src/forward/forwarding.js';
import type { WorkerOptions } from '../../src/forward/worker.js';
import { SecretStore } from '../../src/secrets/index.js';
import { openDatabase } from '../../src/store/database.js';
import { inlineWriter } from '../../src/store/batch-writers.js';
import { FORWARD_OUTBOX_HOOK } from '../../src/forward/outbox-hook.js';
import { IngestQueue } from '../../src/store/ingest-queue.js';
import { tempDir } from '../helpers/temp-dir.js';

export interface Harness {
  dataDir: string;
  db: ReturnType<typeof openDatabase>;
  vault: SecretStore;
  forwarding: Forwarding;
  /** Stores a SimplyPrint delivery through the ingest queue; resolves with the event id. */
  ingest(event: string, data?: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

let serial = 0;

export async function openHarness(options: WorkerOptions = {}, dataDir?: string): Promise<Harness> {
  const dir = dataDir ? null : tempDir('farmhook-forward-');
  const path = dataDir ?? dir!.path;
  const db = openDatabase(join(path, 'farmhook.sqlite'));
  const vault = new SecretStore({ file: join(path, 'secrets.json') });
  const forwarding = new Forwarding({
    db,
    vault,
    pollIntervalMs: 50,
    backoff: { baseMs: 30, maxMs: 300 },
    stopGraceMs: 2000,
    ...options,
  });
  const queue = new IngestQueue(await inlineWriter(db, [FORWARD_OUTBOX_HOOK]));
  queue.onCommit({ events: () => forwarding.wake(), rejections() {} });
  forwarding.start();
  return {
    dataDir: path,
    db,
    vault,
    forwarding,
    async ingest(event, data = {}) {
      serial += 1;
      // The timestamp keeps bodies distinct: an identical body would be stored once, as a duplicate.
      const body = { webhook_id: 311, event, timestamp: 1_764_000_000 + serial, data };
      const raw = Buffer.from(JSON.stringify(body));
      const result = await queue.submit({ raw, body, headers: {}, remoteAddress: '127.0.0.1', receivedAt: Date.now() });
      if (result.status !== 'received') throw new Error('expected a new event');
      return result.event.id;
    },
    async close() {
      await forwarding.stop();
      await queue.close();
      db.close();
      dir?.remove();
    },
  };
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a slow receiver). */
  delayMs?: number;
}

export interface TestServer {
  url: string;
  port: number;
  requests: Received[];
  /** Requests being answered right now. */
  open: number;
  maxOpen: number;
  close(): Promise<void>;
}

export async function startServer(answer: (request: Received, index: number) => Reply, host = '127.0.0.1'): Promise<TestServer> {
  const state = { requests: [] as Received[], open: 0, maxOpen: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      const index = state.requests.push(received) - 1;
      state.open += 1;
      state.maxOpen = Math.max(state.maxOpen, state.open);
      const reply = answer(received, index);
      const send = () => {
        state.open -= 1;
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    get requests() {
      return state.requests;
    },
    get open() {
      return state.open;
    },
    get maxOpen() {
      return state.maxOpen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const ok: Reply = { status: 200, body: '{"ok":true}' };
