// Delivers the outbox. Woken by `wake()` after an ingest commit, and otherwise by a timer set to the
// next job's due time (capped at the poll interval), so after a restart pending and retrying jobs go
// out when they are due without anyone waking it. At most `concurrency` sends at once and at most
// `perDestination` to one destination, so one hanging receiver cannot hold up the others; an ordered
// destination sends only its oldest unfinished job, one at a time.
import { performance } from 'node:perf_hooks';
import type { Db } from '../store/database.js';
import type { StoredEvent } from '../store/hooks.js';
import type { DestinationType } from '../shared/forward.js';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff.js';
import { prepareDestinationHealth, type DestinationStore } from './destinations.js';
import { scrub, secretValues, type DestinationRecord } from './destination-record.js';
import type { AttemptRecord, JobOutcome, JobRow, Outbox } from './outbox.js';
import { prepareStoredEventReader } from './stored-event.js';
import { chatTransport } from './transports/chat.js';
import { httpTransport } from './transports/http.js';
import { mqttTransport } from './transports/mqtt.js';
import { telegramTransport } from './transports/telegram.js';
import { failure, type SendOutcome, type Transport } from './transports/transport.js';

/** The pino methods used; a pino Logger fits. */
export interface ForwardLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type DestinationStateChange = {
  destinationId: number;
  name: string;
  /** paused/disabled: it stopped by itself; resumed/deleted: the operator acted on it. */
  state: 'paused' | 'disabled' | 'resumed' | 'deleted';
  reason: string;
};

export interface WorkerOptions {
  /** Sends in flight at once, over all destinations. */
  concurrency?: number;
  /** Sends in flight at once to one destination (an ordered one always has 1). */
  perDestination?: number;
  /** Longest the worker sleeps without checking for due jobs. */
  pollIntervalMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** How long stop() waits for sends in flight (they are sent again after a restart anyway). */
  stopGraceMs?: number;
  logger?: ForwardLogger;
  /**
   * A destination paused itself after consecutive failures or was disabled by a 410 (alert), or
   * the operator resumed, re-enabled or deleted one (the alert is over).
   */
  onStateChange?: (change: DestinationStateChange) => void;
  /** Every attempt, after it is logged (live dashboard updates). */
  onAttempt?: (attempt: AttemptRecord, outcome: JobOutcome) => void;
  transports?: Partial<Record<DestinationType, Transport>>;
}

const INGEST_WAKE_MS = 20;

const silent: ForwardLogger = { info() {}, warn() {}, error() {} };

export class ForwardWorker {
  private readonly concurrency: number;
  private readonly perDestination: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: ForwardLogger;
  private readonly transports: Record<DestinationType, Transport>;
  private readonly readEvent: (id: number) => StoredEvent | null;
  private readonly health;
  private readonly inFlight = new Map<number, Promise<AttemptRecord | null>>();
  private readonly busyDestinations = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private ingestTimer: NodeJS.Timeout | null = null;
  private wakeQueued = false;
  private running = false;

  constructor(
    db: Db,
    private readonly destinations: DestinationStore,
    private readonly outbox: Outbox,
    private readonly options: WorkerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.perDestination = Math.min(this.concurrency, options.perDestination ?? 2);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.logger = options.logger ?? silent;
    const chat = chatTransport();
    this.transports = {
      http: httpTransport(),
      telegram: telegramTransport(),
      discord: chat,
      slack: chat,
      teams: chat,
      mqtt: mqttTransport(),
      ...options.transports,
    };
    this.readEvent = prepareStoredEventReader(db);
    this.health = prepareDestinationHealth(db);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.wake();
  }

  /** Look for due jobs now (call after each ingest commit, or after creating jobs). */
  wake(): void {
    if (!this.running || this.wakeQueued) return;
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      this.tick();
    });
  }

  /**
   * After an ingest commit. Coalesced over a short window: under a stream of deliveries the outbox
   * is looked at once per window instead of once per commit (that query was 6 % of the receiver's
   * thread at 32 concurrent senders), for at most INGEST_WAKE_MS more before a forward goes out.
   */
  wakeAfterIngest(): void {
    if (!this.running || this.ingestTimer) return;
    this.ingestTimer = setTimeout(() => {
      this.ingestTimer = null;
      this.wake();
    }, INGEST_WAKE_MS);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.ingestTimer) clearTimeout(this.ingestTimer);
    this.timer = null;
    this.ingestTimer = null;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, this.options.stopGraceMs ?? 5000).unref());
    await Promise.race([Promise.allSettled([...this.inFlight.values()]), grace]);
    await Promise.all(Object.values(this.transports).map((t) => t.close?.()));
  }

  /** A destination changed or was deleted: drop connections made with its old settings. */
  async forget(destinationId: number): Promise<void> {
    await Promise.all(Object.values(this.transports).map((t) => t.forget?.(destinationId)));
  }

  get activeSends(): number {
    return this.inFlight.size;
  }

  /**
   * Sends one job now, outside the schedule (the "Send test" button). The caller has just inserted
   * it; marking it in flight before any await keeps the scheduler from picking it up too.
   */
  async deliverNow(jobId: number): Promise<AttemptRecord | null> {
    const job = this.outbox.job(jobId);
    if (!job) return null;
    const destination = this.destinations.get(job.destination_id);
    if (!destination) return null;
    return this.launch(job, destination);
  }

  private tick(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = Date.now();
    try {
      let free = this.concurrency - this.inFlight.size;
      if (free > 0) {
        const records = new Map<number, DestinationRecord | null>();
        const record = (id: number) => {
          let destination = records.get(id);
          if (destination === undefined) {
            destination = this.destinations.get(id);
            records.set(id, destination);
          }
          return destination;
        };
        // The due query offers only the head job of an ordered destination, so limit 1 keeps its order.
        const limitOf = (destination: DestinationRecord) => (destination.settings.ordered ? 1 : this.perDestination);
        const full = () =>
          [...this.busyDestinations].filter(([id, busy]) => {
            const destination = record(id);
            return !destination || busy >= limitOf(destination);
          }).map(([id]) => id);
        // Over-fetch a little: rows of a destination that fills up during this loop are skipped.
        for (const job of this.outbox.dueJobs(now, free * 4, [...this.inFlight.keys()], full())) {
          if (free <= 0) break;
          const destination = record(job.destination_id);
          if (!destination || (this.busyDestinations.get(destination.id) ?? 0) >= limitOf(destination)) continue;
          void this.launch(job, destination);
          free -= 1;
        }
      }
      const next = this.outbox.nextDueAt();
      const delay = next === null || next <= now ? this.pollIntervalMs : Math.min(next - now, this.pollIntervalMs);
      this.timer = setTimeout(() => this.tick(), delay);
    } catch (error) {
      this.logger.error({ err: error }, 'forward worker: reading the outbox failed');
      this.timer = setTimeout(() => this.tick(), this.pollIntervalMs);
    }
  }

  private launch(job: JobRow, destination: DestinationRecord): Promise<AttemptRecord | null> {
    const run = this.attempt(job, destination).finally(() => {
      this.inFlight.delete(job.id);
      const busy = (this.busyDestinations.get(destination.id) ?? 1) - 1;
      if (busy <= 0) this.busyDestinations.delete(destination.id);
      else this.busyDestinations.set(destination.id, busy);
      this.wake();
    });
    this.inFlight.set(job.id, run);
    this.busyDestinations.set(destination.id, (this.busyDestinations.get(destination.id) ?? 0) + 1);
    return run;
  }

  private async attempt(job: JobRow, destination: DestinationRecord): Promise<AttemptRecord | null> {
    const attempt = job.attempts + 1;
    const startedAt = Date.now();
    const t0 = performance.now();
    let secrets: readonly string[] = [];
    let outcome: SendOutcome;
    try {
      const event = job.event_id !== null ? this.readEvent(job.event_id) : (JSON.parse(job.payload ?? 'null') as StoredEvent | null);
      if (!event) {
        outcome = failure('the event is no longer stored');
      } else {
        const destinationSecrets = this.destinations.secretsOf(destination.id);
        secrets = secretValues(destinationSecrets);
        outcome = await this.transports[destination.type].send({
          deliveryId: job.delivery_id,
          attempt,
          event,
          destination,
          secrets: destinationSecrets,
        });
      }
    } catch (error) {
      outcome = failure((error as Error).message);
    }
    const finishedAt = Date.now();
    const record: AttemptRecord = {
      jobId: job.id,
      destinationId: destination.id,
      attempt,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      ok: outcome.ok,
      statusCode: outcome.statusCode,
      responseBody: scrub(outcome.responseBody, secrets),
      error: scrub(outcome.error, secrets),
    };
    const maxAttempts = job.kind === 'test' ? 1 : destination.settings.maxAttempts;
    const next: JobOutcome = outcome.ok
      ? { status: 'delivered' }
      : outcome.gone || attempt >= maxAttempts
        ? { status: 'failed' }
        : { status: 'retrying', dueAt: finishedAt + retryDelay(attempt, this.backoff, outcome.retryAfterMs) };
    try {
      this.outbox.record(record, next, finishedAt);
      if (job.kind !== 'test') this.updateDestination(destination, outcome, finishedAt, record.error);
    } catch (error) {
      // The destination (and its jobs) may have been deleted while this was in flight.
      if (this.destinations.get(destination.id)) this.logger.error({ err: error, destinationId: destination.id }, 'forward: logging an attempt failed');
      return null;
    }
    if (!outcome.ok) {
      this.logger.warn(
        { destinationId: destination.id, deliveryId: job.delivery_id, attempt, statusCode: outcome.statusCode, error: record.error, next: next.status },
        'forward attempt failed',
      );
    }
    this.options.onAttempt?.(record, next);
    return record;
  }

  private updateDestination(destination: DestinationRecord, outcome: SendOutcome, at: number, error: string | null): void {
    if (outcome.ok) {
      this.health.success(destination.id, at);
      return;
    }
    const state = this.health.failure(destination.id, at);
    if (!state) return;
    if (outcome.gone) {
      const reason = `The destination answered 410 Gone (${new Date(at).toISOString()}); it was disabled.`;
      if (this.health.disable(destination.id, reason)) this.announce(destination, 'disabled', reason);
      return;
    }
    const limit = destination.settings.pauseAfterFailures;
    if (limit > 0 && state.consecutive_failures >= limit) {
      const reason = `Paused after ${state.consecutive_failures} consecutive failures; last: ${error ?? 'unknown error'}`;
      if (this.health.pause(destination.id, reason, at)) this.announce(destination, 'paused', reason);
    }
  }

  private announce(destination: DestinationRecord, state: 'paused' | 'disabled', reason: string): void {
    this.logger.warn({ destinationId: destination.id, name: destination.name, state }, `forward destination ${state}`);
    this.notifyStateChange({ destinationId: destination.id, name: destination.name, state, reason });
  }

  /** Tells the listener (alerts, live pushes); a failing listener never stops forwarding. */
  notifyStateChange(change: DestinationStateChange): void {
    try {
      this.options.onStateChange?.(change);
    } catch (error) {
      this.logger.error({ err: error }, 'forward: state listener failed');
    }
  }
}
