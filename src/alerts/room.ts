// The alerts room: runs the pure engine against the live core. Stored events, refused deliveries and
// status changes arrive through the PushHub; silence, the refusal window and health checks run on a
// timer. Every change is written to SQLite, then published as an `alert.changed` push, which the
// dashboard, the tray and the notifier (Electron or a terminal) listen to.
import type { Logger } from 'pino';
import { receiverCheck } from '../health/basic-checks.js';
import type { PushHub } from '../push-hub.js';
import type { Alert, AlertPage, AlertQuery, AlertSettings, AlertSettingsUpdate } from '../shared/alerts.js';
import type { PushEvent } from '../shared/push.js';
import type { EventDetail, HealthReport } from '../shared/schemas.js';
import type { Db } from '../store/database.js';
import { createAlertStore } from './alert-store.js';
import { applyForwardState, applyHealth, applyIngestError, applyRefusal, applyTick, printingNow, type ForwardStateChange } from './condition-rules.js';
import { acknowledge, changeSettings, initialState, type EngineState, type Step } from './engine.js';
import { NEEDS_PAYLOAD, toAlertEvent } from './event-input.js';
import { applyEvent } from './event-rules.js';
import { toAlert, type AlertRecord } from './record.js';
import { seedLastDelivery, seedPrinting, seedRefusals } from './seed.js';
import { applySettingsUpdate } from './settings.js';

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface AlertsRoomOptions {
  db: Db;
  hub: PushHub;
  logger: Logger;
  /** All health checks (disk, database, receiver...). */
  health(): Promise<HealthReport>;
  /** One event with its body, for the rules that read the body (maintenance ids, AI findings). */
  getEvent(id: number): EventDetail | null;
  now?: () => number;
  timers?: Timers;
  tickMs?: number;
  healthEveryMs?: number;
}

export class AlertNotFoundError extends Error {
  readonly code = 'not_found';
  constructor(id: string) {
    super(`No alert ${id}.`);
    this.name = 'AlertNotFoundError';
  }
}

export const TICK_MS = 60_000;
export const HEALTH_EVERY_MS = 5 * 60_000;

export function createAlertsRoom(options: AlertsRoomOptions) {
  const { db, hub, logger } = options;
  const now = options.now ?? Date.now;
  const timers: Timers = options.timers ?? {
    setInterval: (fn, ms) => setInterval(fn, ms).unref(),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  };
  const store = createAlertStore(db);
  const pruned = store.pruneHistory();
  if (pruned > 0) logger.info({ pruned }, 'old resolved alerts pruned');

  const settings = store.loadSettings();
  let state: EngineState = {
    ...initialState(settings, store.loadOpen(), store.nextId()),
    printing: seedPrinting(db),
    lastDeliveryAt: seedLastDelivery(db),
    refusals: seedRefusals(db, now() - settings.wrongSecretWindowMinutes * 60_000),
  };
  let timer: unknown = null;
  let nextHealthAt = Number.POSITIVE_INFINITY;
  let healthRunning: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;

  /** Alerts whose last save failed: saved with the next change, so the record catches up. */
  const unsaved = new Map<number, AlertRecord>();

  /**
   * Persist, then tell. When the database itself is failing (the very thing some alerts are about)
   * the alert is still pushed — to the tray, the notifications, the dashboard — and saved later.
   */
  function commit(step: Step): void {
    state = step.state;
    if (step.changes.length === 0) return;
    for (const change of step.changes) unsaved.set(change.alert.id, change.alert);
    try {
      store.save([...unsaved.values()]);
      unsaved.clear();
    } catch (error) {
      logger.error({ err: error }, 'alerts could not be saved; they are shown now and saved with the next change');
    }
    for (const change of step.changes) {
      if (change.kind === 'raised' || change.kind === 'repeated') {
        logger.warn({ alert: change.alert.key, count: change.alert.count }, `alert ${change.kind}: ${change.alert.title}`);
      } else if (change.kind === 'resolved') {
        logger.info({ alert: change.alert.key, resolution: change.alert.resolution }, `alert resolved: ${change.alert.title}`);
      }
      hub.publish({ type: 'alert.changed', change: change.kind, alert: toAlert(change.alert), notify: change.notify });
    }
  }

  function run(what: string, compute: () => Step): void {
    try {
      commit(compute());
    } catch (error) {
      // An alert that cannot be recorded must not take the ingest path or the timer down with it.
      logger.error({ err: error }, `alert engine failed on ${what}`);
    }
  }

  function onPush(push: PushEvent): void {
    if (push.type === 'event.stored') {
      const item = push.event;
      const payload = NEEDS_PAYLOAD.has(item.event) ? (options.getEvent(Number(item.id))?.payload ?? null) : null;
      run(item.event, () => applyEvent(state, toAlertEvent(item, payload), now()));
    } else if (push.type === 'rejection.recorded') {
      const { reason, receivedAt, remoteAddress } = push.rejection;
      if (reason !== 'wrong_secret' && reason !== 'missing_secret') return;
      run('refusal', () => applyRefusal(state, { at: Date.parse(receivedAt), reason, remoteAddress }, now()));
    } else if (push.type === 'status.changed') {
      run('status', () => applyHealth(state, [receiverCheck(push.status.receiver, now())], now()));
    }
  }

  async function checkHealth(): Promise<void> {
    if (healthRunning) return healthRunning;
    nextHealthAt = now() + (options.healthEveryMs ?? HEALTH_EVERY_MS);
    healthRunning = options
      .health()
      .then((report) => run('health', () => applyHealth(state, report.checks, now())))
      .catch((error: unknown) => logger.error({ err: error }, 'health checks for alerts failed'))
      .finally(() => {
        healthRunning = null;
      });
    return healthRunning;
  }

  function tick(): void {
    run('tick', () => applyTick(state, now()));
    if (now() >= nextHealthAt) void checkHealth();
  }

  function setSettings(next: AlertSettings): AlertSettings {
    store.saveSettings(next);
    run('settings', () => changeSettings(state, next, now()));
    hub.publish({ type: 'alerts.settings_changed', settings: next });
    return next;
  }

  return {
    /** Subscribes to pushes and starts the timer; call before the receiver binds. */
    start(): void {
      if (unsubscribe) return;
      unsubscribe = hub.subscribe(onPush);
      // The receiver is not bound yet: its state arrives with the status push; the other health
      // checks first run on the next tick rather than reporting a receiver that is still starting.
      nextHealthAt = now() + 1;
      timer = timers.setInterval(tick, options.tickMs ?? TICK_MS);
      run('tick', () => applyTick(state, now()));
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      unsubscribe = null;
      if (timer !== null) timers.clearInterval(timer);
      timer = null;
      await healthRunning;
    },
    tick,
    checkHealth,
    list: (query: AlertQuery): AlertPage => store.list(query),
    /** Open alerts, most severe and newest first (for the tray and the Overview). */
    open(): Alert[] {
      const rank = { critical: 2, warning: 1, info: 0 } as const;
      return [...state.open.values()]
        .sort((a, b) => rank[b.severity] - rank[a.severity] || b.lastSeenAt - a.lastSeenAt)
        .map(toAlert);
    },
    /** Printers printing now, as the silence rule sees them. */
    printingCount: (): number => printingNow(state, now()).length,
    acknowledge(id: string): Alert {
      const numeric = Number(id);
      const step = Number.isInteger(numeric) ? acknowledge(state, numeric, now()) : null;
      if (step) {
        commit(step);
        return toAlert(step.changes[0]!.alert);
      }
      const record = Number.isInteger(numeric) ? store.get(numeric) : null;
      if (!record) throw new AlertNotFoundError(id);
      return toAlert(record);
    },
    settings: (): AlertSettings => state.settings,
    updateSettings: (update: AlertSettingsUpdate): AlertSettings => setSettings(applySettingsUpdate(state.settings, update)),
    /** Holds notifications back for `minutes` (0 resumes). Alerts are still recorded. */
    pause: (minutes: number): AlertSettings =>
      setSettings({ ...state.settings, pausedUntil: minutes > 0 ? new Date(now() + minutes * 60_000).toISOString() : null }),
    /** The ingest path failed to commit a batch (wire from the ingest queue). */
    reportIngestError(message: string): void {
      run('ingest error', () => applyIngestError(state, message, now()));
    },

    reportForwardState(change: ForwardStateChange): void {
      run('forward state', () => applyForwardState(state, change, now()));
    },
  };
}

export type AlertsRoom = ReturnType<typeof createAlertsRoom>;
