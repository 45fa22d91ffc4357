// Forwarding over HTTP: destinations (CRUD, send test, resume), the delivery log, statistics,
// retry and replay. Mounted under /api/v1 like every room's routes; built around one Forwarding.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { ApiErrorSchema } from '../shared/schemas.js';
import {
  AttemptPageSchema,
  AttemptQuerySchema,
  DeliveryDetailSchema,
  DeliveryPageSchema,
  DeliveryQuerySchema,
  DeliverySchema,
  DestinationInputSchema,
  DestinationListSchema,
  DestinationSchema,
  DestinationStatsSchema,
  ForwardStatsSchema,
  ReplayRequestSchema,
  ReplayResultSchema,
  type AttemptQuery,
  type DeliveryQuery,
  type DestinationInput,
  type ReplayRequest,
} from '../shared/forward.js';
import { ForwardError } from '../forward/errors.js';
import type { Forwarding } from '../forward/forwarding.js';
import { SecretStoreError } from '../secrets/errors.js';
import type { ControlContext } from './context.js';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });
type Id = { Params: { id: string } };
const errors = { 400: ApiErrorSchema, 404: ApiErrorSchema };

export function forwardRoutes(forwarding: Forwarding): FastifyPluginAsync<ControlContext> {
  return async (app: FastifyInstance) => {
    // Scoped to these routes: our errors keep their own codes; anything else goes to the server's handler.
    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof ForwardError) return reply.code(error.status).send({ error: error.code, message: error.message });
      if (error instanceof SecretStoreError) return reply.code(500).send({ error: `secrets_${error.code}`, message: error.message });
      throw error;
    });

    app.get('/forward/destinations', { schema: { summary: 'Every forwarding destination (secrets shown only as "set")', response: { 200: DestinationListSchema } } }, async () =>
      forwarding.listDestinations(),
    );

    app.post<{ Body: DestinationInput }>(
      '/forward/destinations',
      { schema: { summary: 'Add a destination', body: DestinationInputSchema, response: { 201: DestinationSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(forwarding.createDestination(request.body)),
    );

    app.get<Id>(
      '/forward/destinations/:id',
      { schema: { summary: 'One destination', params: IdParams, response: { 200: DestinationSchema, ...errors } } },
      async (request) => forwarding.getDestination(request.params.id),
    );

    app.put<Id & { Body: DestinationInput }>(
      '/forward/destinations/:id',
      {
        schema: {
          summary: 'Replace a destination; secrets left out keep their stored values',
          params: IdParams,
          body: DestinationInputSchema,
          response: { 200: DestinationSchema, ...errors },
        },
      },
      async (request) => forwarding.updateDestination(request.params.id, request.body),
    );

    app.delete<Id>(
      '/forward/destinations/:id',
      { schema: { summary: 'Delete a destination with its queue and log', params: IdParams, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await forwarding.deleteDestination(request.params.id);
        return reply.code(204).send();
      },
    );

    app.post<Id>(
      '/forward/destinations/:id/test',
      { schema: { summary: 'Send a test event now and report the attempt', params: IdParams, response: { 200: DeliveryDetailSchema, ...errors } } },
      async (request) => forwarding.sendTest(request.params.id),
    );

    app.post<Id>(
      '/forward/destinations/:id/resume',
      { schema: { summary: 'Resume a destination paused after failures or disabled by 410', params: IdParams, response: { 200: DestinationSchema, ...errors } } },
      async (request) => forwarding.resumeDestination(request.params.id),
    );

    app.post<Id & { Body: ReplayRequest }>(
      '/forward/destinations/:id/replay',
      {
        schema: {
          summary: 'Send stored events to this destination again (new delivery ids)',
          params: IdParams,
          body: ReplayRequestSchema,
          response: { 200: ReplayResultSchema, ...errors },
        },
      },
      async (request) => forwarding.replay(request.params.id, request.body.eventIds),
    );

    app.get<Id>(
      '/forward/destinations/:id/stats',
      { schema: { summary: 'Statistics of one destination', params: IdParams, response: { 200: DestinationStatsSchema, ...errors } } },
      async (request) => forwarding.destinationStats(request.params.id),
    );

    app.get('/forward/stats', { schema: { summary: 'Statistics of every destination', response: { 200: ForwardStatsSchema } } }, async () =>
      forwarding.stats(),
    );

    app.get<{ Querystring: DeliveryQuery }>(
      '/forward/deliveries',
      { schema: { summary: 'Deliveries (outbox jobs), newest first', querystring: DeliveryQuerySchema, response: { 200: DeliveryPageSchema, ...errors } } },
      async (request) => forwarding.listDeliveries(request.query),
    );

    app.get<Id>(
      '/forward/deliveries/:id',
      { schema: { summary: 'One delivery with every attempt', params: IdParams, response: { 200: DeliveryDetailSchema, ...errors } } },
      async (request) => forwarding.getDelivery(request.params.id),
    );

    app.post<Id>(
      '/forward/deliveries/:id/retry',
      { schema: { summary: 'Try a failed delivery again now, same delivery id', params: IdParams, response: { 200: DeliverySchema, ...errors } } },
      async (request) => forwarding.retryDelivery(request.params.id),
    );

    app.get<{ Querystring: AttemptQuery }>(
      '/forward/attempts',
      { schema: { summary: 'The attempt log, newest first', querystring: AttemptQuerySchema, response: { 200: AttemptPageSchema, ...errors } } },
      async (request) => forwarding.listAttempts(request.query),
    );
  };
}
