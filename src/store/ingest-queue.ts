// The write path. Every delivery and every refusal goes through this queue, which commits them in
// batches: all that arrived while the previous batch was being written share one transaction and so
// one fsync (group commit). A promise resolves only after its batch is on disk, and the receiver
// answers 200 only then. If the commit fails (disk full, I/O error) the whole batch is rejected and
// the senders get a 5xx, so SimplyPrint retries instead of believing we have it.
import { createHash } from 'node:crypto';
import { describeEvent } from '../shared/events.js';
import { extractFields } from '../events/extract.js';
import type { Db } from './database.js';
import type { IngestHook, StoredEvent } from './hooks.js';
import { prepareEventWriter } from './event-writer.js';
import { prepareRejectionWriter, type NewRejection } from './rejection-writer.js';

export interface Delivery {
  raw: Buffer;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  remoteAddress: string | null;
  receivedAt: number;
}

export type IngestResult =
  | { status: 'received'; event: StoredEvent }
  | { status: 'duplicate'; id: number; duplicates: number };

export interface StoredRejection extends NewRejection {
  id: number;
}

export interface CommitListener {
  events(results: readonly IngestResult[]): void;
  rejections(rejections: readonly StoredRejection[]): void;
}

type Pending =
  | { kind: 'delivery'; delivery: Delivery; resolve(result: IngestResult): void; reject(error: unknown): void }
  | { kind: 'rejection'; rejection: NewRejection; resolve(result: StoredRejection): void; reject(error: unknown): void };

/** First 16 bytes of SHA-256: 128 bits is ample to recognise an exact re-delivery. */
export function bodyHash(raw: Buffer): Buffer {
  return createHash('sha256').update(raw).digest().subarray(0, 16);
}

export class IngestQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly writeEvent;
  private readonly writeRejection;
  private readonly hookRunners: ((event: StoredEvent) => void)[];
  private readonly listeners = new Set<CommitListener>();
  /** received_at never goes backwards (see event-query.ts); a wall clock stepped back is held here. */
  private lastReceivedAt: number;

  constructor(
    private readonly db: Db,
    hooks: readonly IngestHook[] = [],
  ) {
    this.writeEvent = prepareEventWriter(db);
    this.writeRejection = prepareRejectionWriter(db);
    this.hookRunners = hooks.map((hook) => hook.attach(db));
    const newest = db.prepare('SELECT received_at FROM events ORDER BY id DESC LIMIT 1').get() as
      | { received_at: number }
      | undefined;
    this.lastReceivedAt = newest?.received_at ?? 0;
  }

  /** Resolves once the delivery is committed to disk (or recognised as an exact re-delivery). */
  submit(delivery: Delivery): Promise<IngestResult> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'delivery', delivery, resolve, reject }));
  }

  recordRejection(rejection: NewRejection): Promise<StoredRejection> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'rejection', rejection, resolve, reject }));
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops taking work and resolves when everything already queued is committed. */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.pending.length === 0 && !this.scheduled) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(item: Pending): void {
    if (this.closed) {
      item.reject(new Error('FarmHook is shutting down'));
      return;
    }
    this.pending.push(item);
    if (!this.scheduled) {
      this.scheduled = true;
      // setImmediate runs after the current I/O poll phase, so every request whose body completed
      // in that phase joins this batch.
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;

    const events: IngestResult[] = [];
    const rejections: StoredRejection[] = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          if (item.kind === 'delivery') events.push(this.store(item.delivery));
          else rejections.push({ ...item.rejection, id: this.writeRejection(item.rejection) });
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      this.settleIdle();
      return;
    }

    let e = 0;
    let r = 0;
    for (const item of batch) {
      if (item.kind === 'delivery') item.resolve(events[e++]!);
      else item.resolve(rejections[r++]!);
    }
    for (const listener of this.listeners) {
      if (events.length > 0) listener.events(events);
      if (rejections.length > 0) listener.rejections(rejections);
    }
    this.settleIdle();
  }

  private store(delivery: Delivery): IngestResult {
    const hash = bodyHash(delivery.raw);
    const duplicate = this.writeEvent.markDuplicate(hash, delivery.receivedAt);
    if (duplicate) return { status: 'duplicate', ...duplicate };

    const receivedAt = Math.max(delivery.receivedAt, this.lastReceivedAt);
    const fields = extractFields(delivery.body);
    const description = describeEvent(fields.event);
    const id = this.writeEvent.insert({ ...delivery, receivedAt }, fields, description, hash);
    this.lastReceivedAt = receivedAt;
    const event: StoredEvent = { id, receivedAt, payload: delivery.body, ...fields };
    for (const run of this.hookRunners) run(event);
    return { status: 'received', event };
  }

  private settleIdle(): void {
    if (this.pending.length > 0 || this.scheduled) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

