// The AppApi contract: one typed method per operation the dashboard (or any local tool) can ask of
// the core. The HTTP client (browser / headless) and the IPC client (Electron) both implement it, and
// the control server and the IPC dispatcher both serve it, so the renderer never knows which it has.
import type { PushEvent } from './push.js';
import type {
  AppStatus,
  EventDetail,
  EventPage,
  EventQuery,
  HealthReport,
  PageQuery,
  RejectionPage,
  StatsSummary,
} from './schemas.js';
import type { DeliveryStats, FarmStats, PrinterStateList, PrinterStatsList, StatsRangeQuery } from './stats.js';
import type {
  DowntimeReport,
  GeneratedSecret,
  LanProbeReport,
  ProbeResult,
  PublicProbeRequest,
  ReceiverSettings,
  SetupSettings,
  SetupSettingsUpdate,
  SimplyPrintConnectionInput,
  SimplyPrintSettings,
  SimplyPrintValidation,
  TestTrigger,
  TestWaitQuery,
  TestWaitResult,
  TunnelStatus,
  WebhookCheck,
  WebhookSaveInput,
  WizardState,
  WizardStateUpdate,
} from './setup.js';
import type { Alert, AlertPage, AlertQuery, AlertSettings, AlertSettingsUpdate } from './alerts.js';
import type {
  AttemptPage,
  AttemptQuery,
  Delivery,
  DeliveryDetail,
  DeliveryPage,
  DeliveryQuery,
  Destination,
  DestinationInput,
  DestinationList,
  ForwardStats,
  ReplayResult,
} from './forward.js';

export type ExportFormat = 'csv' | 'ndjson';

/** An export as the client received it; the renderer saves it as a download. */
export interface EventExport {
  fileName: string;
  blob: Blob;
}

export interface AppApi {
  status(): Promise<AppStatus>;
  listEvents(query: EventQuery): Promise<EventPage>;
  getEvent(id: string): Promise<EventDetail>;
  statsSummary(): Promise<StatsSummary>;
  listRejections(query: PageQuery): Promise<RejectionPage>;
  health(): Promise<HealthReport>;
  /** How many stored events were received more than `olderThanDays` days ago. */
  countEventsOlderThan(olderThanDays: number): Promise<{ count: number }>;
  /** Deletes the events received more than `olderThanDays` days ago. */
  deleteEventsOlderThan(olderThanDays: number): Promise<{ deleted: number }>;
  /** The events matching a filter as a file (the server streams it; `cursor`/`limit` are ignored). */
  exportEvents(query: EventQuery, format: ExportFormat): Promise<EventExport>;
  /** GET /api/v1/stats/deliveries: deliveries per hour/day stacked by category. */
  statsDeliveries(query: StatsRangeQuery): Promise<DeliveryStats>;
  /** GET /api/v1/stats/printers: job figures per printer over the range. */
  statsPrinters(query: StatsRangeQuery): Promise<PrinterStatsList>;
  /** GET /api/v1/stats/farm: farm totals, top failing printers, queue additions and approvals. */
  statsFarm(query: StatsRangeQuery): Promise<FarmStats>;
  /** GET /api/v1/printers: every printer with its current state. */
  listPrinters(): Promise<PrinterStateList>;
  /** GET /api/v1/forward/destinations: forwarding destinations (secrets only as "set"). */
  listForwardDestinations(): Promise<DestinationList>;
  getForwardDestination(id: string): Promise<Destination>;
  createForwardDestination(input: DestinationInput): Promise<Destination>;
  /** Replaces the destination; secrets left out of `input` keep their stored values. */
  updateForwardDestination(id: string, input: DestinationInput): Promise<Destination>;
  deleteForwardDestination(id: string): Promise<void>;
  /** Sends a test event now; answers with the delivery and its one attempt. */
  testForwardDestination(id: string): Promise<DeliveryDetail>;
  /** Un-pauses (after consecutive failures) or re-enables (after a 410) a destination. */
  resumeForwardDestination(id: string): Promise<Destination>;
  /** Queues stored events for the destination again (new delivery ids). */
  replayToForwardDestination(id: string, eventIds: string[]): Promise<ReplayResult>;
  listForwardDeliveries(query: DeliveryQuery): Promise<DeliveryPage>;
  getForwardDelivery(id: string): Promise<DeliveryDetail>;
  /** Tries a failed delivery again now, with the same delivery id. */
  retryForwardDelivery(id: string): Promise<Delivery>;
  listForwardAttempts(query: AttemptQuery): Promise<AttemptPage>;
  forwardStats(): Promise<ForwardStats>;
  /** GET /api/v1/alerts: alerts newest first; `status` open, resolved (history) or all. */
  listAlerts(query: AlertQuery): Promise<AlertPage>;
  /** POST /api/v1/alerts/:id/acknowledge: an incident is then over; a condition stays open, quietly. */
  acknowledgeAlert(id: string): Promise<Alert>;
  /** GET /api/v1/alerts/settings */
  alertSettings(): Promise<AlertSettings>;
  /** PUT /api/v1/alerts/settings: only what is given changes. */
  updateAlertSettings(update: AlertSettingsUpdate): Promise<AlertSettings>;
  /** POST /api/v1/alerts/pause: hold notifications back for `minutes` (0 resumes). */
  pauseAlerts(minutes: number): Promise<AlertSettings>;
  // ----- setup wizard and reachability (see src/shared/setup.ts, src/control/setup-routes.ts) -----
  /** GET /api/v1/setup/settings: receiver, reachability and SimplyPrint settings (no secrets). */
  setupSettings(): Promise<SetupSettings>;
  /** PUT /api/v1/setup/settings: only what is given changes; port and host mode apply at the next start. */
  updateSetupSettings(update: SetupSettingsUpdate): Promise<SetupSettings>;
  /** POST /api/v1/setup/secret/generate: a new strong webhook secret, in force at once; the only answer that shows it. */
  generateWebhookSecret(): Promise<GeneratedSecret>;
  /** PUT /api/v1/setup/secret: use the given secret (null removes it), in force at once. */
  setWebhookSecret(secret: string | null): Promise<ReceiverSettings>;
  /** PUT /api/v1/setup/simplyprint: company id, API key (write-only), API base URL, chosen events. */
  setSimplyPrintConnection(input: SimplyPrintConnectionInput): Promise<SimplyPrintSettings>;
  /** POST /api/v1/setup/simplyprint/validate: account/Test with the stored key and company. */
  validateSimplyPrint(): Promise<SimplyPrintValidation>;
  /** GET /api/v1/setup/simplyprint/webhook: does SimplyPrint's webhook point here, enabled, same secret, needed events? */
  checkSimplyPrintWebhook(): Promise<WebhookCheck>;
  /** POST /api/v1/setup/simplyprint/webhook: create or update FarmHook's webhook (the one-click fix); answers the new check. */
  saveSimplyPrintWebhook(input: WebhookSaveInput): Promise<WebhookCheck>;
  /** POST /api/v1/setup/test/trigger: asks SimplyPrint to send its `test` event to the webhook. */
  triggerTestDelivery(): Promise<TestTrigger>;
  /** GET /api/v1/setup/test/wait: long-poll until a test delivery arrives or is refused, or the timeout. */
  waitForTestDelivery(query: TestWaitQuery): Promise<TestWaitResult>;
  /** POST /api/v1/setup/probe/lan: a nonce POSTed to each LAN address must arrive. */
  probeLan(): Promise<LanProbeReport>;
  /** POST /api/v1/setup/probe/public: a nonce POSTed to the public webhook URL must arrive. */
  probePublic(request: PublicProbeRequest): Promise<ProbeResult>;
  /** GET /api/v1/setup/tunnel */
  tunnelStatus(): Promise<TunnelStatus>;
  /** POST /api/v1/setup/tunnel/start: cloudflared quick tunnel, or start watching the ngrok agent (per the mode). */
  startTunnel(): Promise<TunnelStatus>;
  /** POST /api/v1/setup/tunnel/stop */
  stopTunnel(): Promise<TunnelStatus>;
  /** GET /api/v1/setup/wizard: where the wizard was left. */
  wizardState(): Promise<WizardState>;
  /** PUT /api/v1/setup/wizard */
  updateWizardState(update: WizardStateUpdate): Promise<WizardState>;
  /** GET /api/v1/setup/downtime: when FarmHook was not running (deliveries then were missed). */
  downtime(): Promise<DowntimeReport>;
  /** Live pushes; returns the function that unsubscribes. */
  subscribe(listener: (push: PushEvent) => void): () => void;
}

/** Errors cross both transports as `{error, message}`; clients throw this. */
export class AppApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AppApiError';
  }
}
