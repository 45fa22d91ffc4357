// The AppApi over the control server's HTTP API and its Server-Sent Events stream: what the
// dashboard uses in a browser (headless `farmhook serve`) and what local tools and tests can use.
// Isomorphic: only `fetch`, streams and `TextDecoder`, no `node:*`.
import { AppApiError, type AppApi, type EventExport, type ExportFormat } from '../api.js';
import type { PushEvent } from '../push.js';
import type {
  AppStatus,
  EventDetail,
  EventPage,
  EventQuery,
  HealthReport,
  PageQuery,
  RejectionPage,
  StatsSummary,
} from '../schemas.js';
import type { DeliveryStats, FarmStats, PrinterStateList, PrinterStatsList, StatsRangeQuery } from '../stats.js';
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
} from '../forward.js';
import type { Alert, AlertPage, AlertQuery, AlertSettings, AlertSettingsUpdate } from '../alerts.js';
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
} from '../setup.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { readSseStream } from './sse.js';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'unauthorized';

/** What a client with a live connection can additionally tell the UI (the IPC client is always "open"). */
export interface LiveConnection {
  /** Calls `listener` with the current state now and on every change; returns the unsubscribe. */
  watchConnection(listener: (state: ConnectionState) => void): () => void;
}

export interface HttpApiOptions {
  /** e.g. `http://127.0.0.1:13001` (no trailing `/api/v1`). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  backoff?: BackoffOptions;
}

type QueryValue = string | number | boolean | undefined | null;

/** Query string from an object, leaving out absent and empty values. */
export function toSearchParams(query: Readonly<Record<string, QueryValue>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params;
}

/** The file name from a Content-Disposition header (RFC 6266 `filename*` preferred), if any. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  return plain?.[1] ?? plain?.[2] ?? null;
}

async function errorFrom(response: Response): Promise<AppApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') {
      return new AppApiError(body.error, typeof body.message === 'string' ? body.message : body.error, response.status);
    }
  } catch {
    // not JSON: a proxy or a crash page; report the status line
  }
  return new AppApiError(`http_${response.status}`, response.statusText || `HTTP ${response.status}`, response.status);
}

export class HttpAppApi implements AppApi, LiveConnection {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly backoff: BackoffOptions;
  private readonly listeners = new Set<(push: PushEvent) => void>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private connection: ConnectionState = 'connecting';
  private stream: AbortController | null = null;

  constructor(private readonly options: HttpApiOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    // Bound so a browser's window.fetch is not called with the client as `this`.
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  status(): Promise<AppStatus> {
    return this.getJson('/api/v1/status');
  }
  health(): Promise<HealthReport> {
    return this.getJson('/api/v1/health');
  }
  listEvents(query: EventQuery): Promise<EventPage> {
    return this.getJson('/api/v1/events', query);
  }
  getEvent(id: string): Promise<EventDetail> {
    return this.getJson(`/api/v1/events/${encodeURIComponent(id)}`);
  }
  statsSummary(): Promise<StatsSummary> {
    return this.getJson('/api/v1/stats/summary');
  }
  listRejections(query: PageQuery): Promise<RejectionPage> {
    return this.getJson('/api/v1/rejections', query);
  }
  countEventsOlderThan(olderThanDays: number): Promise<{ count: number }> {
    return this.getJson('/api/v1/events/retention', { olderThanDays });
  }
  deleteEventsOlderThan(olderThanDays: number): Promise<{ deleted: number }> {
    return this.send('POST', '/api/v1/events/delete-older', { olderThanDays });
  }
  statsDeliveries(query: StatsRangeQuery): Promise<DeliveryStats> {
    return this.getJson('/api/v1/stats/deliveries', query);
  }
  statsPrinters(query: StatsRangeQuery): Promise<PrinterStatsList> {
    return this.getJson('/api/v1/stats/printers', query);
  }
  statsFarm(query: StatsRangeQuery): Promise<FarmStats> {
    return this.getJson('/api/v1/stats/farm', query);
  }
  listPrinters(): Promise<PrinterStateList> {
    return this.getJson('/api/v1/printers');
  }
  listForwardDestinations(): Promise<DestinationList> {
    return this.getJson('/api/v1/forward/destinations');
  }
  getForwardDestination(id: string): Promise<Destination> {
    return this.getJson(`/api/v1/forward/destinations/${encodeURIComponent(id)}`);
  }
  createForwardDestination(input: DestinationInput): Promise<Destination> {
    return this.send('POST', '/api/v1/forward/destinations', input);
  }
  updateForwardDestination(id: string, input: DestinationInput): Promise<Destination> {
    return this.send('PUT', `/api/v1/forward/destinations/${encodeURIComponent(id)}`, input);
  }
  async deleteForwardDestination(id: string): Promise<void> {
    // 204, no body to parse.
    await this.request('DELETE', `/api/v1/forward/destinations/${encodeURIComponent(id)}`);
  }
  testForwardDestination(id: string): Promise<DeliveryDetail> {
    return this.send('POST', `/api/v1/forward/destinations/${encodeURIComponent(id)}/test`, {});
  }
  resumeForwardDestination(id: string): Promise<Destination> {
    return this.send('POST', `/api/v1/forward/destinations/${encodeURIComponent(id)}/resume`, {});
  }
  replayToForwardDestination(id: string, eventIds: string[]): Promise<ReplayResult> {
    return this.send('POST', `/api/v1/forward/destinations/${encodeURIComponent(id)}/replay`, { eventIds });
  }
  listForwardDeliveries(query: DeliveryQuery): Promise<DeliveryPage> {
    return this.getJson('/api/v1/forward/deliveries', query);
  }
  getForwardDelivery(id: string): Promise<DeliveryDetail> {
    return this.getJson(`/api/v1/forward/deliveries/${encodeURIComponent(id)}`);
  }
  retryForwardDelivery(id: string): Promise<Delivery> {
    return this.send('POST', `/api/v1/forward/deliveries/${encodeURIComponent(id)}/retry`, {});
  }
  listForwardAttempts(query: AttemptQuery): Promise<AttemptPage> {
    return this.getJson('/api/v1/forward/attempts', query);
  }
  forwardStats(): Promise<ForwardStats> {
    return this.getJson('/api/v1/forward/stats');
  }
  listAlerts(query: AlertQuery): Promise<AlertPage> {
    return this.getJson('/api/v1/alerts', query);
  }
  acknowledgeAlert(id: string): Promise<Alert> {
    return this.send('POST', `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`, {});
  }
  alertSettings(): Promise<AlertSettings> {
    return this.getJson('/api/v1/alerts/settings');
  }
  updateAlertSettings(update: AlertSettingsUpdate): Promise<AlertSettings> {
    return this.send('PUT', '/api/v1/alerts/settings', update);
  }
  pauseAlerts(minutes: number): Promise<AlertSettings> {
    return this.send('POST', '/api/v1/alerts/pause', { minutes });
  }

  setupSettings(): Promise<SetupSettings> {
    return this.getJson('/api/v1/setup/settings');
  }
  updateSetupSettings(update: SetupSettingsUpdate): Promise<SetupSettings> {
    return this.send('PUT', '/api/v1/setup/settings', update);
  }
  generateWebhookSecret(): Promise<GeneratedSecret> {
    return this.send('POST', '/api/v1/setup/secret/generate', {});
  }
  setWebhookSecret(secret: string | null): Promise<ReceiverSettings> {
    return this.send('PUT', '/api/v1/setup/secret', { secret });
  }
  setSimplyPrintConnection(input: SimplyPrintConnectionInput): Promise<SimplyPrintSettings> {
    return this.send('PUT', '/api/v1/setup/simplyprint', input);
  }
  validateSimplyPrint(): Promise<SimplyPrintValidation> {
    return this.send('POST', '/api/v1/setup/simplyprint/validate', {});
  }
  checkSimplyPrintWebhook(): Promise<WebhookCheck> {
    return this.getJson('/api/v1/setup/simplyprint/webhook');
  }
  saveSimplyPrintWebhook(input: WebhookSaveInput): Promise<WebhookCheck> {
    return this.send('POST', '/api/v1/setup/simplyprint/webhook', input);
  }
  triggerTestDelivery(): Promise<TestTrigger> {
    return this.send('POST', '/api/v1/setup/test/trigger', {});
  }
  waitForTestDelivery(query: TestWaitQuery): Promise<TestWaitResult> {
    return this.getJson('/api/v1/setup/test/wait', query);
  }
  probeLan(): Promise<LanProbeReport> {
    return this.send('POST', '/api/v1/setup/probe/lan', {});
  }
  probePublic(request: PublicProbeRequest): Promise<ProbeResult> {
    return this.send('POST', '/api/v1/setup/probe/public', request);
  }
  tunnelStatus(): Promise<TunnelStatus> {
    return this.getJson('/api/v1/setup/tunnel');
  }
  startTunnel(): Promise<TunnelStatus> {
    return this.send('POST', '/api/v1/setup/tunnel/start', {});
  }
  stopTunnel(): Promise<TunnelStatus> {
    return this.send('POST', '/api/v1/setup/tunnel/stop', {});
  }
  wizardState(): Promise<WizardState> {
    return this.getJson('/api/v1/setup/wizard');
  }
  updateWizardState(update: WizardStateUpdate): Promise<WizardState> {
    return this.send('PUT', '/api/v1/setup/wizard', update);
  }
  downtime(): Promise<DowntimeReport> {
    return this.getJson('/api/v1/setup/downtime');
  }

  async exportEvents(query: EventQuery, format: ExportFormat): Promise<EventExport> {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    const response = await this.request('GET', '/api/v1/events/export', { ...filters, format });
    const fileName = fileNameFromDisposition(response.headers.get('content-disposition')) ?? `farmhook-events.${format}`;
    // The server streams the rows; the body is collected into a Blob, which browsers spill to disk
    // when large, so a big export does not have to fit in the page's memory.
    return { fileName, blob: await response.blob() };
  }

  subscribe(listener: (push: PushEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.stream) this.openStream();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeStream();
    };
  }

  watchConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    listener(this.connection);
    return () => this.connectionListeners.delete(listener);
  }

  private async getJson<T>(path: string, query?: Readonly<Record<string, QueryValue>>): Promise<T> {
    return (await this.request('GET', path, query)).json() as Promise<T>;
  }

  private async send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown): Promise<T> {
    return (await this.request(method, path, undefined, body)).json() as Promise<T>;
  }

  private async request(
    method: string,
    path: string,
    query?: Readonly<Record<string, QueryValue>>,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<Response> {
    const search = query ? toSearchParams(query).toString() : '';
    const url = `${this.base}${path}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new AppApiError('network', error instanceof Error ? error.message : String(error), 0);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  private setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    for (const listener of this.connectionListeners) listener(state);
  }

  private openStream(): void {
    const controller = new AbortController();
    this.stream = controller;
    void this.runStream(controller);
  }

  private closeStream(): void {
    this.stream?.abort();
    this.stream = null;
  }

  /** Keeps one stream open while anyone listens, reconnecting with backoff after any drop. */
  private async runStream(controller: AbortController): Promise<void> {
    let attempt = 0;
    while (!controller.signal.aborted) {
      try {
        const response = await this.request('GET', '/api/v1/stream', undefined, undefined, controller.signal);
        if (!response.body) throw new AppApiError('no_stream', 'The server sent no stream body', response.status);
        attempt = 0;
        this.setConnection('open');
        await readSseStream(response.body, (message) => {
          if (!message.data) return;
          let push: PushEvent;
          try {
            push = JSON.parse(message.data) as PushEvent;
          } catch {
            return; // a garbled message must not end the stream
          }
          for (const listener of [...this.listeners]) listener(push);
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof AppApiError && error.status === 401) this.setConnection('unauthorized');
      }
      if (controller.signal.aborted) return;
      if (this.connection !== 'unauthorized') this.setConnection('reconnecting');
      await delay(backoffDelay(attempt++, this.backoff), controller.signal);
    }
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createHttpApi(options: HttpApiOptions): HttpAppApi {
  return new HttpAppApi(options);
}
