// The setup wizard and reachability over HTTP (mounted under /api/v1): settings, the webhook
// secret, the SimplyPrint connection and webhook, the test delivery (with a long-poll wait), LAN
// and public probes, the tunnel, the wizard's progress and FarmHook's downtime. Built around one
// SetupRoom (src/setup/room.ts); every route is one room method.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { SecretStoreError } from '../secrets/errors.js';
import { AppApiError } from '../shared/api.js';
import { ApiErrorSchema } from '../shared/schemas.js';
import {
  DowntimeReportSchema,
  GeneratedSecretSchema,
  LanProbeReportSchema,
  ProbeResultSchema,
  PublicProbeRequestSchema,
  ReceiverSettingsSchema,
  SecretInputSchema,
  SetupSettingsSchema,
  SetupSettingsUpdateSchema,
  SimplyPrintConnectionInputSchema,
  SimplyPrintSettingsSchema,
  SimplyPrintValidationSchema,
  TestTriggerSchema,
  TestWaitQuerySchema,
  TestWaitResultSchema,
  TunnelStatusSchema,
  WebhookCheckSchema,
  WebhookSaveInputSchema,
  WizardStateSchema,
  WizardStateUpdateSchema,
  type PublicProbeRequest,
  type SecretInput,
  type SetupSettingsUpdate,
  type SimplyPrintConnectionInput,
  type TestWaitQuery,
  type WebhookSaveInput,
  type WizardStateUpdate,
} from '../shared/setup.js';
import type { SetupRoom } from '../setup/room.js';
import type { ControlContext } from './context.js';

const errors = { 400: ApiErrorSchema, 409: ApiErrorSchema, 502: ApiErrorSchema };
const tags = ['setup'];

export function setupRoutes(room: SetupRoom): FastifyPluginAsync<ControlContext> {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof AppApiError) return reply.code(error.status).send({ error: error.code, message: error.message });
      if (error instanceof SecretStoreError) return reply.code(500).send({ error: `secrets_${error.code}`, message: error.message });
      throw error;
    });

    app.get('/setup/settings', { schema: { summary: 'Receiver, reachability and SimplyPrint settings (no secrets)', tags, response: { 200: SetupSettingsSchema } } }, async () => room.settings());

    app.put<{ Body: SetupSettingsUpdate }>(
      '/setup/settings',
      { schema: { summary: 'Change settings; port and host mode apply at the next start', tags, body: SetupSettingsUpdateSchema, response: { 200: SetupSettingsSchema, ...errors } } },
      async (request) => room.updateSettings(request.body),
    );

    app.post(
      '/setup/secret/generate',
      { schema: { summary: 'Generate a new webhook secret, in force at once (the only answer that shows it)', tags, response: { 200: GeneratedSecretSchema } } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return room.generateSecret();
      },
    );

    app.put<{ Body: SecretInput }>(
      '/setup/secret',
      { schema: { summary: 'Set the webhook secret (null removes it), in force at once', tags, body: SecretInputSchema, response: { 200: ReceiverSettingsSchema, ...errors } } },
      async (request) => room.setSecret(request.body.secret),
    );

    app.put<{ Body: SimplyPrintConnectionInput }>(
      '/setup/simplyprint',
      { schema: { summary: 'SimplyPrint company id, API key (write-only), API base URL, chosen events', tags, body: SimplyPrintConnectionInputSchema, response: { 200: SimplyPrintSettingsSchema, ...errors } } },
      async (request) => room.setSimplyPrint(request.body),
    );

    app.post('/setup/simplyprint/validate', { schema: { summary: 'Check the API key and company (account/Test, webhooks/Get)', tags, response: { 200: SimplyPrintValidationSchema } } }, async () =>
      room.validate(),
    );

    app.get('/setup/simplyprint/webhook', { schema: { summary: "Check SimplyPrint's webhook against FarmHook's URL, secret and events", tags, response: { 200: WebhookCheckSchema } } }, async () =>
      room.checkWebhook(),
    );

    app.post<{ Body: WebhookSaveInput }>(
      '/setup/simplyprint/webhook',
      { schema: { summary: "Create or update FarmHook's webhook in SimplyPrint, enabled (the one-click fix)", tags, body: WebhookSaveInputSchema, response: { 200: WebhookCheckSchema, ...errors } } },
      async (request) => room.saveWebhook(request.body ?? {}),
    );

    app.post('/setup/test/trigger', { schema: { summary: 'Ask SimplyPrint to send its test event', tags, response: { 200: TestTriggerSchema, ...errors } } }, async () => room.triggerTest());

    app.get<{ Querystring: TestWaitQuery }>(
      '/setup/test/wait',
      { schema: { summary: 'Long-poll: wait for the test delivery and say what happened', tags, querystring: TestWaitQuerySchema, response: { 200: TestWaitResultSchema, ...errors } } },
      async (request, reply) => {
        const controller = new AbortController();
        // The wizard was closed: stop waiting rather than hold the request for nothing.
        reply.raw.on('close', () => controller.abort());
        return room.waitTest(request.query, controller.signal);
      },
    );

    app.post('/setup/probe/lan', { schema: { summary: 'Probe the receiver on each LAN address', tags, response: { 200: LanProbeReportSchema } } }, async () => room.probeLan());

    app.post<{ Body: PublicProbeRequest }>(
      '/setup/probe/public',
      { schema: { summary: 'Probe the public webhook URL (or `url`) end to end', tags, body: PublicProbeRequestSchema, response: { 200: ProbeResultSchema, ...errors } } },
      async (request) => room.probePublic(request.body ?? {}),
    );

    app.get('/setup/tunnel', { schema: { summary: 'Tunnel status', tags, response: { 200: TunnelStatusSchema } } }, async () => room.tunnelStatus());
    app.post('/setup/tunnel/start', { schema: { summary: 'Start the tunnel of the chosen mode', tags, response: { 200: TunnelStatusSchema, ...errors } } }, async () => room.startTunnel());
    app.post('/setup/tunnel/stop', { schema: { summary: 'Stop the tunnel', tags, response: { 200: TunnelStatusSchema } } }, async () => room.stopTunnel());

    app.get('/setup/wizard', { schema: { summary: "The wizard's progress", tags, response: { 200: WizardStateSchema } } }, async () => room.wizard());
    app.put<{ Body: WizardStateUpdate }>(
      '/setup/wizard',
      { schema: { summary: "Save the wizard's progress", tags, body: WizardStateUpdateSchema, response: { 200: WizardStateSchema, 400: ApiErrorSchema } } },
      async (request) => room.updateWizard(request.body),
    );

    app.get('/setup/downtime', { schema: { summary: 'When FarmHook was not running', tags, response: { 200: DowntimeReportSchema } } }, async () => room.downtime());
  };
}
