// Server-Sent Events: every push (stored event, refused delivery, status change) as it happens.
import type { FastifyInstance } from 'fastify';
import type { ControlContext } from './context.js';

const PING_MS = 15_000;
/** A client that stops reading is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export async function streamRoute(app: FastifyInstance, ctx: ControlContext) {
  app.get('/stream', { schema: { summary: 'Server-Sent Events: `event: <type>`, `data: <PushEvent JSON>`' } }, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');

    const close = () => {
      clearInterval(ping);
      unsubscribe();
      res.end();
    };
    const unsubscribe = ctx.hub.subscribe((push) => {
      if (res.writableLength > MAX_BUFFERED_BYTES) return close();
      res.write(`event: ${push.type}\ndata: ${JSON.stringify(push)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    request.raw.on('close', close);
  });
}
