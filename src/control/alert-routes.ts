// Alerts over HTTP (mounted under /api/v1): open alerts and history, acknowledge, settings, pause.
// Live changes go out on the SSE stream as `alert.changed` pushes.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AlertNotFoundError } from '../alerts/room.js';
import {
  AlertPageSchema,
  AlertQuerySchema,
  AlertSchema,
  AlertSettingsSchema,
  AlertSettingsUpdateSchema,
  PauseMinutesSchema,
  type AlertQuery,
  type AlertSettingsUpdate,
} from '../shared/alerts.js';
import { ApiErrorSchema } from '../shared/schemas.js';
import type { ControlContext } from './context.js';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });
const PauseBody = Type.Object({ minutes: PauseMinutesSchema });

export async function alertRoutes(app: FastifyInstance, ctx: ControlContext) {
  const alerts = ctx.alerts;
  if (!alerts) return;
  const tags = ['alerts'];

  app.get<{ Querystring: AlertQuery }>(
    '/alerts',
    { schema: { summary: 'Alerts, newest first: open ones, the history, or both', tags, querystring: AlertQuerySchema, response: { 200: AlertPageSchema, 400: ApiErrorSchema } } },
    async (request) => alerts.list(request.query),
  );

  app.post<{ Params: { id: string } }>(
    '/alerts/:id/acknowledge',
    { schema: { summary: 'Acknowledge an alert (an incident is then over)', tags, params: IdParams, response: { 200: AlertSchema, 404: ApiErrorSchema } } },
    async (request, reply) => {
      try {
        return alerts.acknowledge(request.params.id);
      } catch (error) {
        if (error instanceof AlertNotFoundError) return reply.code(404).send({ error: error.code, message: error.message });
        throw error;
      }
    },
  );

  app.get('/alerts/settings', { schema: { summary: 'Alert rules, thresholds, quiet hours, pause', tags, response: { 200: AlertSettingsSchema } } }, async () =>
    alerts.settings(),
  );

  app.put<{ Body: AlertSettingsUpdate }>(
    '/alerts/settings',
    { schema: { summary: 'Change alert settings (only what is given changes)', tags, body: AlertSettingsUpdateSchema, response: { 200: AlertSettingsSchema, 400: ApiErrorSchema } } },
    async (request) => alerts.updateSettings(request.body),
  );

  app.post<{ Body: { minutes: number } }>(
    '/alerts/pause',
    { schema: { summary: 'Hold notifications back for N minutes (0 resumes); alerts are still recorded', tags, body: PauseBody, response: { 200: AlertSettingsSchema, 400: ApiErrorSchema } } },
    async (request) => alerts.pause(request.body.minutes),
  );
}
