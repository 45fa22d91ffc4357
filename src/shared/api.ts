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
