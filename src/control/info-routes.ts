// Status, health, the summary and the rejected-deliveries log.
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema,
  AppStatusSchema,
  HealthReportSchema,
  PageQuerySchema,
  RejectionPageSchema,
  StatsSummarySchema,
  type PageQuery,
} from '../shared/schemas.js';
import type { ControlContext } from './context.js';

export async function infoRoutes(app: FastifyInstance, ctx: ControlContext) {
  app.get('/status', { schema: { summary: 'Receiver address, webhook URLs, data dir', response: { 200: AppStatusSchema } } }, async () => ctx.status());
  app.get('/health', { schema: { summary: 'Health checks', response: { 200: HealthReportSchema } } }, async () => ctx.health());
  app.get('/stats/summary', { schema: { summary: 'Totals by event and category', response: { 200: StatsSummarySchema } } }, async () =>
    ctx.events.summary(),
  );
  app.get<{ Querystring: PageQuery }>(
    '/rejections',
    { schema: { summary: 'Refused deliveries, newest first', querystring: PageQuerySchema, response: { 200: RejectionPageSchema, 400: ApiErrorSchema } } },
    async (request) => ctx.rejections.list(request.query),
  );
}
