// The control API on 127.0.0.1: what the dashboard (in a browser) and local tools talk to. Loopback
// only, Host-checked, token-protected; also serves the built dashboard and the OpenAPI document.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { QueryError } from '../store/event-query.js';
import { controlGuard } from './auth.js';
import type { ControlContext } from './context.js';
import { eventRoutes } from './event-routes.js';
import { infoRoutes } from './info-routes.js';
import { streamRoute } from './stream-route.js';

export const API_PREFIX = '/api/v1';

/** Untrusted payloads are shown in the dashboard: nothing may load from anywhere but here. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface ControlServerOptions {
  token: string;
  logger: Logger;
  context: ControlContext;
  /** The built dashboard (dist/renderer); missing in a checkout that was never built. */
  dashboardDir: string;
  version: string;
  /** Route plugins of other rooms (statistics, forwarding, ...), mounted under /api/v1. */
  plugins?: readonly FastifyPluginAsync<ControlContext>[];
}

export async function createControlServer(options: ControlServerOptions): Promise<FastifyInstance> {
  const { token, logger, context, dashboardDir, version, plugins = [] } = options;
  const app = Fastify({
    // pino's Logger is what Fastify logs with; its declared type is narrower than pino's own.
    loggerInstance: logger as unknown as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // SSE connections stay open: on shutdown they are closed rather than waited for.
    forceCloseConnections: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'FarmHook control API', version, description: 'Local API of FarmHook. Loopback only; send `Authorization: Bearer <control token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  app.addHook('onRequest', controlGuard(token));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof QueryError) return reply.code(400).send({ error: 'bad_query', message: error.message });
    const err = error as { validation?: unknown; statusCode?: number; message: string };
    if (err.validation) return reply.code(400).send({ error: 'invalid_request', message: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, path: request.url }, 'control API error');
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'bad_request', message: status >= 500 ? 'Internal error; see the log.' : err.message });
  });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const plugin of [infoRoutes, eventRoutes, streamRoute, ...plugins]) await api.register(plugin, context);
      api.setNotFoundHandler((request, reply) => reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}.` }));
    },
    { prefix: API_PREFIX },
  );

  if (existsSync(dashboardDir)) {
    await app.register(fastifyStatic, {
      root: dashboardDir,
      setHeaders: (res) => {
        res.header('content-security-policy', DASHBOARD_CSP);
        res.header('x-content-type-options', 'nosniff');
        res.header('referrer-policy', 'no-referrer');
      },
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The dashboard is not built in this checkout: run `npm run build`. The API is under /api/v1.'),
    );
  }
  return app;
}
