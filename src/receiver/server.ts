// The receiver on port 13000: SimplyPrint's only way in. It serves the webhook routes, /healthz and a
// friendly page for browsers; nothing else (no data, no admin) is reachable on this port.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { RejectionReason } from '../shared/schemas.js';
import type { IngestQueue } from '../store/ingest-queue.js';
import { landingPage } from './landing-page.js';
import { parseDelivery } from './parse-delivery.js';
import { isWebhookPath, WEBHOOK_PATH, WEBHOOK_ROUTES } from './paths.js';
import { readBody, type RawBody } from './read-body.js';
import { checkSecret, maskHeaders } from './secrets.js';
import { PROBE_HEADER, type ProbeRegistry } from '../health/probe-registry.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ReceiverOptions {
  queue: IngestQueue;
  logger: Logger;
  /** Read on every delivery, so a secret set in the wizard applies at once. */
  getSecret(): string | null;
  bodyLimit?: number;
  /** How long one request may take from first byte to last (slow senders are cut off). */
  requestTimeoutMs?: number;
  /** Reachability self-probes (src/health/probe-registry.ts): answered, never stored. */
  probes?: Pick<ProbeRegistry, 'answer'>;
}

const EMPTY: RawBody = { tooLarge: false, bytes: Buffer.alloc(0) };

export function createReceiver({ queue, logger, getSecret, bodyLimit = DEFAULT_BODY_LIMIT, requestTimeoutMs = 30_000, probes }: ReceiverOptions) {
  const app = Fastify({
    // pino's Logger is what Fastify logs with; its declared type is narrower than pino's own.
    loggerInstance: logger as unknown as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request: nothing here logs through request.log (the handlers log the
    // fields they choose with `logger`), and a pino child, its redaction set up again, was built for
    // every delivery: ~1 KB of garbage each on the thread that answers SimplyPrint.
    childLoggerFactory: (parent) => parent,
    // A delivery is small and quick; a connection that dribbles bytes or sits idle is cut off, so
    // slow or stuck clients cannot pile up and exhaust the process.
    connectionTimeout: requestTimeoutMs,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  // Bytes first, whatever the Content-Type: SimplyPrint does not document one.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    readBody(payload, bodyLimit).then((body) => done(null, body), done);
  });

  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    reason: RejectionReason,
    status: number,
    message: string,
    body: RawBody,
  ) => {
    const size = body.tooLarge ? body.size : body.bytes.length;
    try {
      await queue.recordRejection({
        receivedAt: Date.now(),
        reason,
        status,
        message,
        remoteAddress: request.socket.remoteAddress ?? null,
        method: request.method,
        path: request.url,
        headers: maskHeaders(request.headers),
        bodySize: size,
        bodySample: body.tooLarge ? body.sample : body.bytes,
      });
    } catch (error) {
      logger.error({ err: error, reason }, 'could not record a refused delivery');
    }
    logger.warn({ reason, status, remoteAddress: request.socket.remoteAddress, path: request.url }, 'delivery refused');
    return reply.code(status).send({ status: 'rejected', error: reason, message });
  };

  const receive = async (request: FastifyRequest, reply: FastifyReply) => {
    // FarmHook probing its own reachability (LAN address, public URL): answered before the secret
    // check, because the probe must work before a secret is set, and it reveals nothing.
    const probe = request.headers[PROBE_HEADER];
    if (probes && typeof probe === 'string') {
      const answer = probes.answer(probe, request.socket.remoteAddress ?? null, request.headers.host ?? null);
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    }
    const body = (request.body as RawBody | undefined) ?? EMPTY;
    if (body.tooLarge) {
      return refuse(request, reply, 'too_large', 413, `The body is larger than the ${bodyLimit}-byte limit.`, body);
    }
    const secret = getSecret();
    if (secret) {
      const check = checkSecret(secret, request.headers);
      if (check === 'missing_secret') {
        return refuse(request, reply, check, 401, 'This receiver requires the webhook secret in the X-SP-Secret or X-SP-Token header.', body);
      }
      if (check === 'wrong_secret') {
        return refuse(request, reply, check, 401, 'The webhook secret does not match the one FarmHook is configured with.', body);
      }
    }
    const parsed = parseDelivery(body.bytes);
    if (!parsed.ok) return refuse(request, reply, parsed.reason, 400, parsed.message, body);

    try {
      const result = await queue.submit({
        raw: body.bytes,
        body: parsed.body,
        headers: maskHeaders(request.headers),
        remoteAddress: request.socket.remoteAddress ?? null,
        receivedAt: Date.now(),
      });
      if (result.status === 'duplicate') return { status: 'duplicate', id: String(result.id) };
      return { status: 'received', event: parsed.event, id: String(result.event.id) };
    } catch (error) {
      // Not stored, so not acknowledged: a 503 tells SimplyPrint to try again later.
      logger.error({ err: error }, 'could not store a delivery');
      return reply.code(503).send({ status: 'error', error: 'storage_failed', message: 'FarmHook could not store the delivery; try again.' });
    }
  };

  const page = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(landingPage(WEBHOOK_PATH, getSecret() !== null));

  for (const url of WEBHOOK_ROUTES) {
    app.post(url, receive);
    app.get(url, page);
  }
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.setNotFoundHandler((request, reply) => {
    const body = (request.body as RawBody | undefined) ?? EMPTY;
    if (isWebhookPath(request.url)) {
      return refuse(request, reply, 'wrong_method', 405, 'Send webhooks with POST.', body);
    }
    if (request.method === 'POST') {
      return refuse(request, reply, 'wrong_path', 404, `Nothing here: SimplyPrint webhooks go to ${WEBHOOK_PATH}.`, body);
    }
    return reply.code(404).send({ error: 'not_found', message: `This is a FarmHook receiver: POST SimplyPrint webhooks to ${WEBHOOK_PATH}.` });
  });

  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, path: request.url }, 'receiver error');
    return reply.code(status).send({ status: 'error', error: 'bad_request', message: status >= 500 ? 'Internal error' : (error as Error).message });
  });

  return app;
}

export type Receiver = ReturnType<typeof createReceiver>;
