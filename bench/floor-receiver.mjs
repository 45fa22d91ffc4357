// The design's floor: the least a receiver can do and still keep the promise — Fastify, the
// body parsed as JSON, every 200 sent only after a synchronous=FULL commit of the WAL, concurrent
// deliveries sharing one fsync through a writer thread (as FarmHook does), exact re-deliveries
// recognised by a unique hash index. Nothing else: no extracted columns or query indexes, no
// statistics, no forwarding, no alerts, no live pushes, no search, no refusal log.
//
// `BENCH_FLOOR=1 npm run bench` measures it beside the bare server and FarmHook, so the part of the
// gap that is the durable-ack design itself on this machine, and the part that is FarmHook's own
// work, can be told apart. Never part of the product.
import Fastify from 'fastify';
import { Worker } from 'node:worker_threads';

const [port, file] = [Number(process.argv[2]), process.argv[3]];
const writer = new Worker(new URL('./floor-writer.mjs', import.meta.url), { workerData: { file } });
await new Promise((resolve) => writer.once('message', resolve));

// Group commit as in FarmHook's ingest queue: whatever arrived in one turn of the event loop goes to
// the writer as one message; the writer commits every message waiting in one transaction.
let pending = [];
let nextBatch = 0;
const waiting = new Map();
writer.on('message', ({ batch, ids }) => {
  const resolvers = waiting.get(batch);
  waiting.delete(batch);
  resolvers.forEach((resolve, i) => resolve(ids[i]));
});
const store = (raw) =>
  new Promise((resolve) => {
    if (pending.length === 0) {
      setImmediate(() => {
        const batch = nextBatch++;
        waiting.set(batch, pending.map(([, settle]) => settle));
        writer.postMessage({ batch, bodies: pending.map(([body]) => body) });
        pending = [];
      });
    }
    pending.push([raw, resolve]);
  });

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
app.post('/api/v1/simplyprint/webhook', async (request, reply) => {
  let body;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return reply.code(400).send({ status: 'rejected' });
  }
  const id = await store(request.body);
  return { status: 'received', event: body.event, id: String(id) };
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => app.close().then(() => writer.terminate()).then(() => process.exit(0)));
