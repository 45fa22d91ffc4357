// Forwarding, composed: the worker that empties the outbox and the operations the control API and
// the dashboard call. The outbox is filled by the ingest hook (outbox-hook.ts, FORWARD_OUTBOX_HOOK),
// which runs in the ingest writer. createApp builds one Forwarding per database.
import type { Db } from '../store/database.js';
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
  DestinationStats,
  ForwardStats,
  ReplayResult,
} from '../shared/forward.js';
import type { SecretVault } from './destination-record.js';
import { DeliveryLog } from './delivery-log.js';
import { DestinationStore, destinationDto } from './destinations.js';
import { ForwardError } from './errors.js';
import { Outbox } from './outbox.js';
import { testEvent } from './stored-event.js';
import { ForwardWorker, type WorkerOptions } from './worker.js';

export interface ForwardingOptions extends WorkerOptions {
  db: Db;
  /** Where destination secrets are kept: the app's SecretStore (src/secrets). */
  vault: SecretVault;
}

function idOf(text: string, what: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new ForwardError('not_found', `There is no ${what} ${JSON.stringify(text)}.`);
  return Number(text);
}

export class Forwarding {
  readonly worker: ForwardWorker;
  private readonly destinations: DestinationStore;
  private readonly outbox: Outbox;
  private readonly log: DeliveryLog;
  private readonly eventExists;

  constructor(private readonly options: ForwardingOptions) {
    const { db, vault } = options;
    this.destinations = new DestinationStore(db, vault);
    this.outbox = new Outbox(db);
    this.log = new DeliveryLog(db);
    this.worker = new ForwardWorker(db, this.destinations, this.outbox, options);
    this.eventExists = db.prepare('SELECT event FROM events WHERE id = ?');
  }

  /** Start delivering (pending and retrying jobs left from the last run go out when due). */
  start(): void {
    this.worker.start();
  }

  /** Call after each ingest commit that stored new events. */
  wake(): void {
    this.worker.wakeAfterIngest();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  private dto(id: number): Destination {
    return destinationDto(this.destinations.require(id), this.destinations.secretsOf(id));
  }

  listDestinations(): DestinationList {
    return { items: this.destinations.list().map((d) => destinationDto(d, this.destinations.secretsOf(d.id))) };
  }

  getDestination(id: string): Destination {
    return this.dto(idOf(id, 'destination'));
  }

  createDestination(input: DestinationInput): Destination {
    return this.dto(this.destinations.create(input).id);
  }

  async updateDestination(id: string, input: DestinationInput): Promise<Destination> {
    const record = this.destinations.update(idOf(id, 'destination'), input);
    await this.worker.forget(record.id);
    this.worker.wake();
    const destination = this.dto(record.id);
    if (destination.enabled && !destination.paused) this.operatorChanged(record.id, destination.name, 'resumed', 'Saved enabled.');
    return destination;
  }

  async deleteDestination(id: string): Promise<void> {
    const numeric = idOf(id, 'destination');
    const name = this.destinations.get(numeric)?.name ?? id;
    if (!this.destinations.delete(numeric)) throw new ForwardError('not_found', `There is no destination ${id}.`);
    await this.worker.forget(numeric);
    this.operatorChanged(numeric, name, 'deleted', 'Deleted.');
  }

  /** Sends again after an automatic pause or a 410 disable; waiting jobs go out. */
  resumeDestination(id: string): Destination {
    const record = this.destinations.resume(idOf(id, 'destination'));
    this.worker.wake();
    const destination = this.dto(record.id);
    this.operatorChanged(record.id, destination.name, 'resumed', 'Resumed.');
    return destination;
  }

  private operatorChanged(destinationId: number, name: string, state: 'resumed' | 'deleted', reason: string): void {
    this.worker.notifyStateChange({ destinationId, name, state, reason });
  }

  /** Sends SimplyPrint's `test` event once, now, and answers how it went. */
  async sendTest(id: string): Promise<DeliveryDetail> {
    const destination = this.destinations.require(idOf(id, 'destination'));
    const now = Date.now();
    const jobId = this.outbox.insert({
      destinationId: destination.id,
      eventId: null,
      event: 'test',
      kind: 'test',
      payload: JSON.stringify(testEvent(now)),
      dueAt: now,
    });
    await this.worker.deliverNow(jobId);
    const result = this.log.delivery(jobId);
    this.outbox.pruneTestSends(destination.id);
    return result;
  }

  listDeliveries(query: DeliveryQuery): DeliveryPage {
    return this.log.deliveries(query);
  }

  getDelivery(id: string): DeliveryDetail {
    return this.log.delivery(idOf(id, 'delivery'));
  }

  listAttempts(query: AttemptQuery): AttemptPage {
    return this.log.attempts(query);
  }

  /** Tries a failed (or waiting) delivery again now, with the same delivery id. */
  retryDelivery(id: string): Delivery {
    const numeric = idOf(id, 'delivery');
    const before = this.log.deliveryItem(numeric);
    if (!before) throw new ForwardError('not_found', `There is no delivery ${id}.`);
    if (before.kind === 'test') throw new ForwardError('invalid_request', 'A test send is not retried; send a new test.');
    if (!this.outbox.retry(numeric, Date.now()) && before.status !== 'pending') {
      throw new ForwardError('invalid_request', `Delivery ${id} was already delivered.`);
    }
    this.worker.wake();
    return this.log.deliveryItem(numeric) ?? before;
  }

  /** Queues stored events for one destination again, whatever its filters say. */
  replay(destinationId: string, eventIds: readonly string[]): ReplayResult {
    const destination = this.destinations.require(idOf(destinationId, 'destination'));
    const now = Date.now();
    const created: number[] = [];
    const missing: string[] = [];
    this.options.db.transaction(() => {
      for (const eventId of eventIds) {
        const row = /^\d{1,15}$/.test(eventId) ? (this.eventExists.get(Number(eventId)) as { event: string } | undefined) : undefined;
        if (!row) {
          missing.push(eventId);
          continue;
        }
        created.push(this.outbox.insert({ destinationId: destination.id, eventId: Number(eventId), event: row.event, kind: 'replay', dueAt: now }));
      }
    }).immediate(); // it reads the events, then writes: see store/batch-committer.ts
    this.worker.wake();
    return {
      deliveries: created.map((jobId) => this.log.deliveryItem(jobId)).filter((d): d is Delivery => d !== null),
      missingEventIds: missing,
    };
  }

  stats(): ForwardStats {
    return { items: this.destinations.list().map((d) => this.log.stats(d)) };
  }

  destinationStats(id: string): DestinationStats {
    return this.log.stats(this.destinations.require(idOf(id, 'destination')));
  }
}
