// Which AppApi methods the renderer may call over IPC and the schema of each argument: the same
// shared TypeBox schemas the control API validates HTTP requests with. Typed against AppApi, so a
// method added to the contract and not listed here fails to compile.
import { Type, type TSchema } from '@sinclair/typebox';
import type { AppApi } from '../src/shared/api.js';
import { AlertQuerySchema, AlertSettingsUpdateSchema, PauseMinutesSchema } from '../src/shared/alerts.js';
import { AttemptQuerySchema, DeliveryQuerySchema, DestinationInputSchema, ReplayRequestSchema } from '../src/shared/forward.js';
import { EventQuerySchema, PageQuerySchema } from '../src/shared/schemas.js';
import {
  PublicProbeRequestSchema,
  SecretInputSchema,
  SetupSettingsUpdateSchema,
  SimplyPrintConnectionInputSchema,
  TestWaitQuerySchema,
  WebhookSaveInputSchema,
  WizardStateUpdateSchema,
} from '../src/shared/setup.js';
import { StatsRangeQuerySchema } from '../src/shared/stats.js';

export type InvokableMethod = Exclude<keyof AppApi, 'subscribe'>;

const Id = Type.String({ pattern: '^[0-9]{1,15}$' });
const Days = Type.Integer({ minimum: 0, maximum: 36500 });
const Format = Type.Union([Type.Literal('csv'), Type.Literal('ndjson')]);

export const IPC_METHODS: { readonly [M in InvokableMethod]: readonly TSchema[] } = {
  status: [],
  health: [],
  listEvents: [EventQuerySchema],
  getEvent: [Id],
  statsSummary: [],
  listRejections: [PageQuerySchema],
  countEventsOlderThan: [Days],
  deleteEventsOlderThan: [Days],
  exportEvents: [EventQuerySchema, Format],
  statsDeliveries: [StatsRangeQuerySchema],
  statsPrinters: [StatsRangeQuerySchema],
  statsFarm: [StatsRangeQuerySchema],
  listPrinters: [],
  listForwardDestinations: [],
  getForwardDestination: [Id],
  createForwardDestination: [DestinationInputSchema],
  updateForwardDestination: [Id, DestinationInputSchema],
  deleteForwardDestination: [Id],
  testForwardDestination: [Id],
  resumeForwardDestination: [Id],
  replayToForwardDestination: [Id, ReplayRequestSchema.properties.eventIds],
  listForwardDeliveries: [DeliveryQuerySchema],
  getForwardDelivery: [Id],
  retryForwardDelivery: [Id],
  listForwardAttempts: [AttemptQuerySchema],
  forwardStats: [],
  listAlerts: [AlertQuerySchema],
  acknowledgeAlert: [Id],
  alertSettings: [],
  updateAlertSettings: [AlertSettingsUpdateSchema],
  pauseAlerts: [PauseMinutesSchema],
  setupSettings: [],
  updateSetupSettings: [SetupSettingsUpdateSchema],
  generateWebhookSecret: [],
  setWebhookSecret: [SecretInputSchema.properties.secret],
  setSimplyPrintConnection: [SimplyPrintConnectionInputSchema],
  validateSimplyPrint: [],
  checkSimplyPrintWebhook: [],
  saveSimplyPrintWebhook: [WebhookSaveInputSchema],
  triggerTestDelivery: [],
  waitForTestDelivery: [TestWaitQuerySchema],
  probeLan: [],
  probePublic: [PublicProbeRequestSchema],
  tunnelStatus: [],
  startTunnel: [],
  stopTunnel: [],
  wizardState: [],
  updateWizardState: [WizardStateUpdateSchema],
  downtime: [],
};

export const isInvokable = (method: unknown): method is InvokableMethod =>
  typeof method === 'string' && Object.hasOwn(IPC_METHODS, method);
