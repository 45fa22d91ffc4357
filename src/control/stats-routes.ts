// Statistics and printers over HTTP (mounted under /api/v1): answered from the stats rollups, never
// by scanning events, so a month over a million events stays in milliseconds.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiErrorSchema } from '../shared/schemas.js';
import {
  DeliveryStatsSchema,
  FarmStatsSchema,
  PrinterStateListSchema,
  PrinterStatsListSchema,
  StatsRangeQuerySchema,
  type StatsRangeQuery,
} from '../shared/stats.js';
import { createStatsQueries } from '../stats/queries.js';
import { StatsQueryError } from '../stats/range.js';
import type { ControlContext } from './context.js';

const rangeSchema = (summary: string, response: object) => ({
  schema: { summary, tags: ['statistics'], querystring: StatsRangeQuerySchema, response: { 200: response, 400: ApiErrorSchema } },
});

/** A bad range is the caller's mistake: 400 with the reason, whatever the server's error handler does. */
function answer<T>(reply: FastifyReply, compute: () => T): T | FastifyReply {
  try {
    return compute();
  } catch (error) {
    if (error instanceof StatsQueryError) return reply.code(400).send({ error: 'bad_query', message: error.message });
    throw error;
  }
}

export async function statsRoutes(app: FastifyInstance, ctx: ControlContext) {
  const stats = createStatsQueries(ctx.db);

  app.get<{ Querystring: StatsRangeQuery }>(
    '/stats/deliveries',
    rangeSchema('Deliveries per hour or day, stacked by category (event time)', DeliveryStatsSchema),
    async (request, reply) => answer(reply, () => stats.deliveries(request.query, Date.now())),
  );

  app.get<{ Querystring: StatsRangeQuery }>(
    '/stats/printers',
    rangeSchema('Job figures per printer: outcomes, success rates, print hours, utilisation, MTBF', PrinterStatsListSchema),
    async (request, reply) => answer(reply, () => stats.printers(request.query, Date.now())),
  );

  app.get<{ Querystring: StatsRangeQuery }>(
    '/stats/farm',
    rangeSchema('Farm totals, top failing printers, queue additions and approvals', FarmStatsSchema),
    async (request, reply) => answer(reply, () => stats.farm(request.query, Date.now())),
  );

  app.get(
    '/printers',
    { schema: { summary: 'Every printer seen, with its current state', tags: ['printers'], response: { 200: PrinterStateListSchema } } },
    async () => stats.printerStates(Date.now()),
  );
}
