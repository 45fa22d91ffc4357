// The setup room: receiver settings and the webhook secret, how SimplyPrint reaches this PC (port
// forward, Cloudflare quick tunnel, ngrok, LAN only), the SimplyPrint connection and its webhook,
// the test delivery, reachability probes, the wizard's progress and FarmHook's downtime. The control
// routes (src/control/setup-routes.ts) and the in-process API call these methods one-to-one; the
// health checks they feed are in ./health-checks.ts.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { reachableAddresses, webhookUrl } from '../health/addresses.js';
import { neededEvents, SUBSCRIBABLE_EVENTS } from '../health/needed-events.js';
import { DEFAULT_PROBE_TIMEOUT_MS, sendProbe } from '../health/probe.js';
import type { ProbeRegistry } from '../health/probe-registry.js';
import { RunRecorder } from '../health/runs.js';
import { CloudflaredSupervisor } from '../health/tunnels/cloudflared.js';
import { NgrokWatcher } from '../health/tunnels/ngrok.js';
import { stoppedStatus, type Tunnel } from '../health/tunnels/tunnel-state.js';
import { checkWebhook, failureOf, findOurWebhook, saveWebhook } from '../health/webhook-check.js';
import type { PushHub } from '../push-hub.js';
import { SECRET_NAMES, type SecretStore } from '../secrets/index.js';
import { AppApiError } from '../shared/api.js';
import { englishOf, healthMessage, type HealthMessage } from '../shared/health-messages.js';
import type { AppStatus } from '../shared/schemas.js';
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
} from '../shared/setup.js';
import { isLoopbackHost, normaliseBaseUrl, WEBHOOK_PATH, webhookUrlWarnings } from '../shared/webhook-url.js';
import { clockSkewMs, DEFAULT_BASE_URL, SimplyPrintClient, SimplyPrintError, type ServerTime } from '../simplyprint/index.js';
import type { Db } from '../store/database.js';
import type { EventReader } from '../store/event-reader.js';
import type { createRejectionReader } from '../store/rejection-reader.js';
import { writeListenSettings } from './config-file.js';
import { SetupStateStore, type StoredReachability, type StoredSimplyPrint } from './state-store.js';
import { waitForTestDelivery } from './test-wait.js';

export interface ReceiverState {
  listening: boolean;
  host: string;
  port: number;
  error: string | null;
}

export interface SetupTuning {
  tunnelBackoff?: { initialMs: number; maxMs: number };
  tunnelPollMs?: number;
  /** After a tunnel connects, probe its URL after each of these delays until one succeeds. */
  verifyDelaysMs?: readonly number[];
  /** The SimplyPrint webhook check is cached this long (each check is an API call). */
  webhookCheckTtlMs?: number;
  /** The public-URL probe behind the health check is cached this long. */
  publicProbeTtlMs?: number;
}

export interface SetupRoomOptions {
  db: Db;
  config: Config;
  secrets: SecretStore;
  hub: PushHub;
  events: EventReader;
  rejections: ReturnType<typeof createRejectionReader>;
  logger: Logger;
  /** The app's live receiver state (port is the bound one once listening). */
  receiver: ReceiverState;
  probes: ProbeRegistry;
  /** Ids of the alert rules switched on (their events must be subscribed). */
  enabledAlertRules(): string[];
  tuning?: SetupTuning;
}

const SECRET_BYTES = 32;
const DEFAULT_VERIFY_DELAYS = [0, 3_000, 10_000, 30_000, 60_000];

export function createSetupRoom(options: SetupRoomOptions) {
  const { db, config, secrets, hub, logger, receiver, probes } = options;
  const tuning = options.tuning ?? {};
  const store = new SetupStateStore(db);
  const runs = new RunRecorder(db);
  let tunnel: Tunnel | null = null;
  let lastServerTime: ServerTime | null = null;
  let lastPublicProbe: ProbeResult | null = null;
  let webhookCache: { key: string; at: number; check: WebhookCheck } | null = null;
  let verifyTimers: NodeJS.Timeout[] = [];
  const webhookCheckTtl = tuning.webhookCheckTtlMs ?? 60_000;

  // ----- the webhook secret: flags/env/config.json win; otherwise the one set in the wizard -----
  let secretSource: ReceiverSettings['secretSource'] = config.secret !== null ? 'config' : 'none';
  /** A secret from --secret, FARMHOOK_SECRET or config.json wins at every start: the wizard must not set another. */
  const secretFixedByConfig = config.secret !== null;
  if (config.secret === null) {
    try {
      const stored = secrets.get(SECRET_NAMES.webhookSecret);
      if (stored) {
        config.secret = stored;
        secretSource = 'settings';
      }
    } catch (error) {
      // Never the value: only that it could not be read (e.g. encrypted for another user).
      logger.warn({ err: { message: (error as Error).message } }, 'the stored webhook secret could not be read');
    }
  }
  /** Port and host mode as they will be after a restart (written to config.json). */
  const pending: { port: number | null; host: string | null } = { port: null, host: null };

  const hostModeOf = (host: string) => (isLoopbackHost(host) ? 'loopback' : 'lan') as 'loopback' | 'lan';

  function receiverSettings(): ReceiverSettings {
    const port = pending.port ?? (config.port === 0 ? receiver.port : config.port);
    const host = pending.host ?? config.host;
    return {
      port,
      hostMode: hostModeOf(host),
      host,
      listening: receiver.listening,
      listeningPort: receiver.port,
      listeningHost: receiver.host,
      restartRequired: port !== receiver.port || hostModeOf(host) !== hostModeOf(receiver.host),
      webhookPath: WEBHOOK_PATH,
      lanUrls: reachableAddresses(receiver.host)
        .filter((a) => a.scope === 'lan')
        .map((a) => webhookUrl(a.address, receiver.port, WEBHOOK_PATH)),
      secretSet: config.secret !== null,
      secretSource: config.secret === null ? 'none' : secretSource,
    };
  }

  function applySecret(value: string | null): void {
    if (secretFixedByConfig) {
      throw new AppApiError('secret_from_config', 'The webhook secret is set by --secret, FARMHOOK_SECRET or config.json, which win at every start: change it there.', 409);
    }
    if (value === null) secrets.delete(SECRET_NAMES.webhookSecret);
    else secrets.set(SECRET_NAMES.webhookSecret, value);
    // The receiver reads config.secret on every delivery: in force from the next request.
    config.secret = value;
    secretSource = value === null ? 'none' : 'settings';
    webhookCache = null;
    if (statusForPush) hub.publish({ type: 'status.changed', status: statusForPush() });
  }
  let statusForPush: (() => AppStatus) | null = null;

  // ----- public URL -----------------------------------------------------------------------------

  function publicBaseUrl(): string | null {
    const reach = store.get('reachability');
    if (reach.mode === 'cloudflare_quick' || reach.mode === 'ngrok') return tunnel?.status().publicUrl ?? null;
    if (reach.mode === 'lan_only') return null;
    return reach.publicBaseUrl;
  }

  const publicWebhookUrl = () => {
    const base = publicBaseUrl();
    return base ? `${base}${WEBHOOK_PATH}` : null;
  };

  /** Why there is no public webhook URL, as a health message (the health checks show it translated). */
  function noUrlReasonMessage(): HealthMessage {
    const mode = store.get('reachability').mode;
    if (mode === 'lan_only') return healthMessage('public_url.none.lan_only');
    if (mode === 'cloudflare_quick') return healthMessage('public_url.none.cloudflare');
    if (mode === 'ngrok') return healthMessage('public_url.none.ngrok');
    return healthMessage('public_url.none.unset');
  }

  const noUrlReason = (): string => englishOf(noUrlReasonMessage());

  // ----- SimplyPrint ----------------------------------------------------------------------------

  function simplyprintSettings(): SimplyPrintSettings {
    const sp = store.get('simplyprint');
    return { companyId: sp.companyId, apiKeySet: secrets.has(SECRET_NAMES.simplyprintApiKey), apiBaseUrl: sp.apiBaseUrl, webhookId: sp.webhookId, events: sp.events };
  }

  function client(): SimplyPrintClient | null {
    const sp = store.get('simplyprint');
    let apiKey: string | null = null;
    try {
      apiKey = secrets.get(SECRET_NAMES.simplyprintApiKey);
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'the SimplyPrint API key could not be read');
    }
    if (!apiKey || sp.companyId === null) return null;
    return new SimplyPrintClient({ apiKey, companyId: sp.companyId, baseUrl: sp.apiBaseUrl });
  }

  /** Runs an API call, keeping SimplyPrint's clock for the skew check. */
  async function withClient<T>(fn: (c: SimplyPrintClient) => Promise<T>): Promise<T> {
    const c = client();
    if (!c) throw new AppApiError('simplyprint_not_configured', 'Enter the SimplyPrint API key and company id first.', 409);
    try {
      return await fn(c);
    } finally {
      if (c.lastServerTime) lastServerTime = c.lastServerTime;
    }
  }

  const asApiError = (error: unknown): AppApiError => {
    if (error instanceof AppApiError) return error;
    if (error instanceof SimplyPrintError) return new AppApiError(`simplyprint_${error.code}`, error.message, 502);
    return error as AppApiError;
  };

  const enabledRules = () => {
    try {
      return options.enabledAlertRules();
    } catch {
      return [];
    }
  };

  async function webhookCheck(force = false): Promise<WebhookCheck> {
    const expectedUrl = publicWebhookUrl();
    const sp = store.get('simplyprint');
    const needed = neededEvents(sp.events, enabledRules());
    const key = JSON.stringify([expectedUrl, config.secret === null ? null : config.secret.length, sp, needed, simplyprintSettings().apiKeySet]);
    if (!force && webhookCache && webhookCache.key === key && Date.now() - webhookCache.at < webhookCheckTtl) return webhookCache.check;
    const c = client();
    const { check, webhook } = await checkWebhook({ client: c, expectedUrl, noUrlReason: noUrlReasonMessage(), secret: config.secret, storedWebhookId: sp.webhookId, needed });
    if (c?.lastServerTime) lastServerTime = c.lastServerTime;
    // Adopt a webhook found by URL or path, so later checks and the test use it.
    if (webhook && sp.webhookId !== webhook.id) store.update('simplyprint', { webhookId: webhook.id });
    webhookCache = { key, at: Date.now(), check };
    return check;
  }

  // ----- tunnels --------------------------------------------------------------------------------

  function targetUrl(): string {
    const host = receiver.host === '0.0.0.0' || receiver.host === '::' || isLoopbackHost(receiver.host) ? '127.0.0.1' : receiver.host;
    return `http://${host}:${receiver.port}`;
  }

  function onTunnelChange(status: TunnelStatus, previousUrl: string | null): void {
    hub.publish({ type: 'tunnel.changed', status });
    if (status.publicUrl && status.publicUrl !== previousUrl) {
      webhookCache = null;
      lastPublicProbe = null;
      if (previousUrl && client()) logger.warn({ url: status.publicUrl }, "the tunnel's public URL changed: SimplyPrint's webhook must be updated");
    }
    if (status.state === 'connected' && status.verification === null && status.publicUrl) scheduleVerification(status.publicUrl);
  }

  function scheduleVerification(url: string): void {
    for (const timer of verifyTimers) clearTimeout(timer);
    verifyTimers = (tuning.verifyDelaysMs ?? DEFAULT_VERIFY_DELAYS).map((delay) => {
      const timer = setTimeout(() => {
        const current = tunnel?.status();
        if (!current || current.publicUrl !== url || current.state !== 'connected' || current.verification?.ok) return;
        void sendProbe(probes, `${url}${WEBHOOK_PATH}`, { timeoutMs: 8_000 }).then((result) => {
          lastPublicProbe = result;
          tunnel?.setVerification(result);
        });
      }, delay);
      timer.unref();
      return timer;
    });
  }

  async function stopTunnelNow(): Promise<void> {
    for (const timer of verifyTimers) clearTimeout(timer);
    verifyTimers = [];
    const running = tunnel;
    tunnel = null;
    if (running) await running.stop();
    hub.publish({ type: 'tunnel.changed', status: tunnelStatus() });
  }

  function startTunnelNow(): TunnelStatus {
    const reach = store.get('reachability');
    if (reach.mode !== 'cloudflare_quick' && reach.mode !== 'ngrok') {
      throw new AppApiError('no_tunnel_mode', 'Choose "Cloudflare quick tunnel" or "ngrok" as the way SimplyPrint reaches this PC first.', 409);
    }
    if (!receiver.listening) throw new AppApiError('receiver_not_listening', 'The receiver is not listening, so a tunnel would lead nowhere.', 409);
    if (tunnel) return tunnel.status();
    tunnel =
      reach.mode === 'cloudflare_quick'
        ? new CloudflaredSupervisor({
            binary: reach.cloudflaredPath,
            targetUrl: targetUrl(),
            logger,
            onChange: onTunnelChange,
            ...(tuning.tunnelBackoff ? { backoff: tuning.tunnelBackoff } : {}),
            ...(tuning.tunnelPollMs ? { pollMs: tuning.tunnelPollMs } : {}),
          })
        : new NgrokWatcher({ apiUrl: reach.ngrokApiUrl, port: receiver.port, onChange: onTunnelChange, ...(tuning.tunnelPollMs ? { pollMs: tuning.tunnelPollMs } : {}) });
    tunnel.start();
    return tunnel.status();
  }

  const tunnelStatus = (): TunnelStatus => tunnel?.status() ?? stoppedStatus();

  // ----- probes ---------------------------------------------------------------------------------

  async function probePublic(request: PublicProbeRequest = {}): Promise<ProbeResult> {
    let target: string | null;
    if (request.url !== undefined) {
      const base = normaliseBaseUrl(request.url);
      target = base === null ? request.url : `${base}${WEBHOOK_PATH}`;
    } else {
      target = publicWebhookUrl();
    }
    if (target === null) throw new AppApiError('no_public_url', noUrlReason(), 409);
    const result = await sendProbe(probes, target, { timeoutMs: request.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS });
    if (request.url === undefined || target === publicWebhookUrl()) {
      lastPublicProbe = result;
      tunnel?.setVerification(result);
    }
    return result;
  }

  async function probeLan(): Promise<LanProbeReport> {
    const lan = reachableAddresses(receiver.host).filter((a) => a.scope === 'lan');
    if (!receiver.listening || isLoopbackHost(receiver.host)) return { lanEnabled: false, results: [] };
    const results = await Promise.all(
      lan.map(async (a) => ({
        ...(await sendProbe(probes, webhookUrl(a.address, receiver.port, WEBHOOK_PATH), { timeoutMs: 3_000 })),
        interfaceName: a.interfaceName,
        address: a.address,
      })),
    );
    return { lanEnabled: true, results };
  }

  // ----- the room's API -------------------------------------------------------------------------

  function settings(): SetupSettings {
    const reach = store.get('reachability');
    const url = publicWebhookUrl();
    return {
      receiver: receiverSettings(),
      reachability: reach,
      simplyprint: simplyprintSettings(),
      publicWebhookUrl: url,
      publicWebhookUrlWarnings: url ? webhookUrlWarnings(url, { controlPort: config.controlPort }) : [],
    };
  }

  return {
    store,
    runs,
    settings,
    publicWebhookUrl,
    noUrlReason,
    noUrlReasonMessage,
    webhookCheck,
    lastPublicProbe: () => lastPublicProbe,
    lastServerTime: () => lastServerTime,
    client,
    tunnelStatus,
    probeLan,
    probePublic,
    /** Lets the room push status changes (the app's status() is built after the room). */
    wireStatus(status: () => AppStatus) {
      statusForPush = status;
    },

    async updateSettings(update: SetupSettingsUpdate): Promise<SetupSettings> {
      if (update.port !== undefined && update.port === config.controlPort) {
        throw new AppApiError('port_taken', `Port ${update.port} is the dashboard\u2019s (control API); choose another for the receiver.`, 400);
      }
      if (update.port !== undefined || update.hostMode !== undefined) {
        const port = update.port ?? receiverSettings().port;
        const host = update.hostMode === undefined ? receiverSettings().host : update.hostMode === 'lan' ? '0.0.0.0' : '127.0.0.1';
        writeListenSettings(config.dataDir, { port, host });
        pending.port = port;
        pending.host = host;
      }
      const change: Partial<StoredReachability> = {};
      if (update.publicUrl !== undefined) {
        if (update.publicUrl === null || update.publicUrl.trim() === '') change.publicBaseUrl = null;
        else {
          const base = normaliseBaseUrl(update.publicUrl);
          if (!base) throw new AppApiError('invalid_url', 'The public address must be an http:// or https:// URL.', 400);
          change.publicBaseUrl = base;
        }
      }
      if (update.cloudflaredPath !== undefined) change.cloudflaredPath = update.cloudflaredPath;
      if (update.ngrokApiUrl !== undefined) change.ngrokApiUrl = update.ngrokApiUrl;
      if (update.tunnelAutoStart !== undefined) change.tunnelAutoStart = update.tunnelAutoStart;
      const before = store.get('reachability');
      if (update.mode !== undefined) change.mode = update.mode;
      const after = store.update('reachability', change);
      webhookCache = null;
      if (before.publicBaseUrl !== after.publicBaseUrl) lastPublicProbe = null;
      // A running tunnel of another kind (or with another binary) stops with the change.
      if (tunnel && (after.mode !== before.mode || after.cloudflaredPath !== before.cloudflaredPath || after.ngrokApiUrl !== before.ngrokApiUrl)) {
        await stopTunnelNow();
        lastPublicProbe = null;
      }
      return settings();
    },

    generateSecret(): GeneratedSecret {
      const secret = randomBytes(SECRET_BYTES).toString('base64url');
      applySecret(secret);
      logger.info('a new webhook secret was generated');
      return { secret, receiver: receiverSettings() };
    },

    setSecret(secret: string | null): ReceiverSettings {
      if (secret !== null && (secret.length < 8 || secret.length > 128)) {
        throw new AppApiError('invalid_secret', 'The secret must be 8 to 128 characters (SimplyPrint allows up to 128).', 400);
      }
      applySecret(secret);
      logger.info(secret === null ? 'the webhook secret was removed' : 'the webhook secret was changed');
      return receiverSettings();
    },

    setSimplyPrint(input: SimplyPrintConnectionInput): SimplyPrintSettings {
      if (input.apiKey !== undefined) {
        if (input.apiKey === null) secrets.delete(SECRET_NAMES.simplyprintApiKey);
        else secrets.set(SECRET_NAMES.simplyprintApiKey, input.apiKey.trim());
      }
      const change: Partial<StoredSimplyPrint> = {};
      const current = store.get('simplyprint');
      if (input.companyId !== undefined) {
        change.companyId = input.companyId;
        // Another company's webhook ids mean nothing here.
        if (input.companyId !== current.companyId) change.webhookId = null;
      }
      if (input.apiBaseUrl !== undefined) {
        const url = input.apiBaseUrl === null ? DEFAULT_BASE_URL : input.apiBaseUrl.trim();
        if (!/^https?:\/\/\S+$/i.test(url)) throw new AppApiError('invalid_url', 'The API address must be an http(s) URL.', 400);
        change.apiBaseUrl = url;
      }
      if (input.events !== undefined) {
        const unknown = input.events.filter((e) => !SUBSCRIBABLE_EVENTS.includes(e));
        if (unknown.length > 0) throw new AppApiError('unknown_events', `SimplyPrint has no event(s) ${unknown.join(', ')}.`, 400);
        change.events = [...new Set(input.events)].sort();
      }
      store.update('simplyprint', change);
      webhookCache = null;
      return simplyprintSettings();
    },

    async validate(): Promise<SimplyPrintValidation> {
      const checkedAt = new Date().toISOString();
      const c = client();
      if (!c) {
        return { ok: false, message: 'Enter the SimplyPrint API key and company id first.', error: { code: 'not_configured', message: 'No API key or company id.', retryable: false }, clockSkewMs: null, checkedAt };
      }
      try {
        const result = await c.testKey();
        // account/Test does not tell whether the plan has webhooks: listing them does.
        await c.listWebhooks();
        return { ok: true, message: result.message ?? 'The API key is valid.', error: null, clockSkewMs: c.lastServerTime ? clockSkewMs(c.lastServerTime) : null, checkedAt };
      } catch (error) {
        const failure = failureOf(error);
        return { ok: false, message: failure.message, error: failure, clockSkewMs: c.lastServerTime ? clockSkewMs(c.lastServerTime) : null, checkedAt };
      } finally {
        if (c.lastServerTime) lastServerTime = c.lastServerTime;
      }
    },

    async checkWebhook(): Promise<WebhookCheck> {
      return webhookCheck(true);
    },

    async saveWebhook(input: WebhookSaveInput): Promise<WebhookCheck> {
      const url = publicWebhookUrl();
      if (!url) throw new AppApiError('no_public_url', noUrlReason(), 409);
      const sp = store.get('simplyprint');
      if (input.events) {
        const unknown = input.events.filter((e) => !SUBSCRIBABLE_EVENTS.includes(e));
        if (unknown.length > 0) throw new AppApiError('unknown_events', `SimplyPrint has no event(s) ${unknown.join(', ')}.`, 400);
        store.update('simplyprint', { events: [...new Set(input.events)].sort() });
      }
      const chosen = input.events ?? (sp.events.length > 0 ? sp.events : SUBSCRIBABLE_EVENTS);
      try {
        const saved = await withClient(async (c) => {
          const existing = findOurWebhook(await c.listWebhooks(), sp.webhookId, url);
          return saveWebhook(c, { existing, url, secret: config.secret, events: neededEvents(chosen, enabledRules()), ...(input.name ? { name: input.name } : {}) });
        });
        store.update('simplyprint', { webhookId: saved.id });
        logger.info({ webhookId: saved.id, url }, "SimplyPrint's webhook was saved");
      } catch (error) {
        throw asApiError(error);
      }
      return webhookCheck(true);
    },

    async triggerTest(): Promise<TestTrigger> {
      let webhookId = store.get('simplyprint').webhookId;
      if (webhookId === null) webhookId = (await webhookCheck(true)).webhookId;
      if (webhookId === null) throw new AppApiError('no_webhook', 'SimplyPrint has no webhook for FarmHook yet: create it first.', 409);
      const since = new Date().toISOString();
      try {
        await withClient((c) => c.triggerTestWebhook(webhookId));
      } catch (error) {
        throw asApiError(error);
      }
      return { since, webhookId };
    },

    async waitTest(query: TestWaitQuery, signal?: AbortSignal): Promise<TestWaitResult> {
      const sinceMs = Date.parse(query.since);
      if (Number.isNaN(sinceMs)) throw new AppApiError('bad_query', '`since` must be an ISO-8601 time.', 400);
      return waitForTestDelivery({
        hub,
        db,
        rejections: options.rejections,
        sinceMs,
        timeoutMs: query.timeoutMs ?? 25_000,
        ...(signal ? { signal } : {}),
        diagnose: () => diagnose(),
      });
    },

    startTunnel(): TunnelStatus {
      const status = startTunnelNow();
      if (store.get('reachability').mode === 'cloudflare_quick') store.update('reachability', { tunnelAutoStart: true });
      return tunnel?.status() ?? status;
    },
    async stopTunnel(): Promise<TunnelStatus> {
      store.update('reachability', { tunnelAutoStart: false });
      await stopTunnelNow();
      return tunnelStatus();
    },

    wizard(): WizardState {
      return store.get('wizard');
    },
    updateWizard(update: WizardStateUpdate): WizardState {
      const current = store.get('wizard');
      return store.update('wizard', {
        ...(update.step !== undefined ? { step: update.step } : {}),
        ...(update.completed !== undefined ? { completed: update.completed } : {}),
        choices: { ...current.choices, ...(update.choices ?? {}) },
        updatedAt: new Date().toISOString(),
      });
    },

    downtime(): DowntimeReport {
      return runs.report();
    },

    /** At app start (after the receiver listens): record the run, bring the tunnel back up. */
    start(): void {
      runs.start();
      const reach = store.get('reachability');
      if ((reach.mode === 'cloudflare_quick' && reach.tunnelAutoStart) || reach.mode === 'ngrok') {
        try {
          startTunnelNow();
        } catch (error) {
          logger.warn({ err: error }, 'the tunnel could not be started');
        }
      }
    },
    async stop(): Promise<void> {
      await stopTunnelNow().catch((error: unknown) => logger.error({ err: error }, 'stopping the tunnel failed'));
      runs.stop();
    },
  };

  /** Plain-words reasons a test delivery may not have arrived, from the other checks. */
  async function diagnose(): Promise<string[]> {
    const out: string[] = [];
    const reach = store.get('reachability');
    if (reach.mode === 'lan_only') out.push('FarmHook is set to "LAN only": SimplyPrint\u2019s servers cannot reach it.');
    const t = tunnelStatus();
    if ((reach.mode === 'cloudflare_quick' || reach.mode === 'ngrok') && t.state !== 'verified' && t.state !== 'connected') {
      out.push(`The tunnel is ${t.state.replace('_', ' ')}${t.lastError ? `: ${t.lastError}` : ''}.`);
    }
    if (publicWebhookUrl()) {
      const probe = await probePublic({ timeoutMs: 5_000 }).catch(() => null);
      if (probe && !probe.ok) out.push(`FarmHook cannot reach itself at its public address: ${probe.message}`);
      if (probe?.ok) out.push('FarmHook\u2019s public address works, so SimplyPrint probably did not send the test, or sends to another address.');
    } else {
      out.push(noUrlReason());
    }
    if (client()) {
      const check = await webhookCheck(true).catch(() => null);
      if (check) out.push(...check.problems);
    } else {
      out.push('Check in the SimplyPrint panel (Settings → Webhooks) that the webhook URL is exactly FarmHook\u2019s and that it is enabled.');
    }
    return out;
  }
}

export type SetupRoom = ReturnType<typeof createSetupRoom>;
