// The event log over HTTP: pages, one event, exports, retention.
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema,
  EventDetailSchema,
  EventPageSchema,
  EventQuerySchema,
  type EventItem,
  type EventQuery,
} from '../shared/schemas.js';
import { MAX_PAGE } from '../store/event-query.js';
import type { ControlContext } from './context.js';
import { csvHeader, csvRow } from './csv.js';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });
const ExportQuery = Type.Composite([
  Type.Omit(EventQuerySchema, ['limit', 'cursor']),
  Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('ndjson')]) }),
]);
const RetentionQuery = Type.Object({ olderThanDays: Type.Integer({ minimum: 0, maximum: 36500 }) });

export async function eventRoutes(app: FastifyInstance, ctx: ControlContext) {
  app.get<{ Querystring: EventQuery }>(
    '/events',
    { schema: { summary: 'A page of the event log, newest first', querystring: EventQuerySchema, response: { 200: EventPageSchema, 400: ApiErrorSchema } } },
    async (request) => ctx.events.list(request.query),
  );

  app.get<{ Querystring: EventQuery & { format: 'csv' | 'ndjson' } }>(
    '/events/export',
    { schema: { summary: 'The filtered log as a streamed CSV or NDJSON file (NDJSON carries each payload)', querystring: ExportQuery } },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      // Validate the filters now, so a bad one is a 400 rather than a broken download.
      ctx.events.list({ ...filters, limit: 1 });
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="farmhook-events-${stamp}.${format}"`);
      return reply.send(Readable.from(exportLines(ctx, filters, format)));
    },
  );

  app.get<{ Querystring: { olderThanDays: number } }>(
    '/events/retention',
    { schema: { summary: 'How many events are older than N days', querystring: RetentionQuery, response: { 200: Type.Object({ count: Type.Integer(), olderThan: Type.String() }) } } },
    async (request) => ({
      count: ctx.events.countOlderThan(request.query.olderThanDays),
      olderThan: new Date(Date.now() - request.query.olderThanDays * 86_400_000).toISOString(),
    }),
  );

  app.post<{ Body: { olderThanDays: number } }>(
    '/events/delete-older',
    { schema: { summary: 'Delete events older than N days', body: RetentionQuery, response: { 200: Type.Object({ deleted: Type.Integer() }) } } },
    async (request) => ({ deleted: ctx.events.deleteOlderThan(request.body.olderThanDays) }),
  );

  app.get<{ Params: { id: string } }>(
    '/events/:id',
    { schema: { summary: 'One event with its payload, raw body and headers', params: IdParams, response: { 200: EventDetailSchema, 404: ApiErrorSchema } } },
    async (request, reply) => {
      const detail = ctx.events.get(Number(request.params.id));
      return detail ?? reply.code(404).send({ error: 'not_found', message: `No event ${request.params.id}.` });
    },
  );
}

/** Pages through the log by keyset, one page per chunk, so a million rows stream in constant memory. */
async function* exportLines(ctx: ControlContext, filters: EventQuery, format: 'csv' | 'ndjson') {
  if (format === 'csv') yield csvHeader();
  let cursor: string | undefined;
  do {
    const page = ctx.events.list({ ...filters, limit: MAX_PAGE, ...(cursor ? { cursor } : {}) });
    yield page.items.map((item) => (format === 'csv' ? csvRow(item) : ndjsonLine(ctx, item))).join('');
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function ndjsonLine(ctx: ControlContext, item: EventItem): string {
  const detail = ctx.events.get(Number(item.id));
  return `${JSON.stringify({ ...item, payload: detail?.payload ?? null })}\n`;
}
