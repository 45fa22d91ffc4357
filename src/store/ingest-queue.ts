// The write path. Every delivery and every refusal goes through this queue. Whatever arrived in one
// turn of the event loop goes to the writer as one batch straight away; the writer commits all the
// batches waiting for it in one transaction, so concurrent deliveries share one fsync (group commit,
// see writer-thread.ts). A promise resolves only after its batch is on disk, and the receiver
// answers 200 only then. If a commit fails (disk full, I/O error) the whole batch is rejected and the
// senders get a 5xx, so SimplyPrint retries instead of believing we have it.
import type { BatchItem, BatchResult, Delivery } from './batch-committer.js';
import type { BatchWriter } from './batch-writers.js';
import type { StoredEvent } from './hooks.js';
import type { NewRejection } from './rejection-writer.js';

export type { Delivery };

/** A delivery the receiver has validated, with the body it parsed. */
export interface ParsedDelivery extends Delivery {
  body: Record<string, unknown>;
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
  /** A batch could not be committed (its senders got a 5xx). */
  failed?(error: unknown): void;
}

type Pending =
  | { kind: 'delivery'; delivery: ParsedDelivery; resolve(result: IngestResult): void; reject(error: unknown): void }
  | { kind: 'rejection'; rejection: NewRejection; resolve(result: StoredRejection): void; reject(error: unknown): void };

/** Bounds one message to the writer (the writer bounds its transactions too). */
const MAX_BATCH = 2000;

export class IngestQueue {
  private pending: Pending[] = [];
  private flushScheduled = false;
  /** Batches sent and not yet settled, their listeners included. */
  private inFlight = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<CommitListener>();

  constructor(private readonly writer: BatchWriter) {}

  /** Resolves once the delivery is committed to disk (or recognised as an exact re-delivery). */
  submit(delivery: ParsedDelivery): Promise<IngestResult> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'delivery', delivery, resolve, reject }));
  }

  recordRejection(rejection: NewRejection): Promise<StoredRejection> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'rejection', rejection, resolve, reject }));
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops taking work, commits everything already queued, then closes the writer. */
  async close(): Promise<void> {
    this.closed = true;
    if (!this.idle()) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.writer.close();
  }

  private idle(): boolean {
    return this.inFlight === 0 && this.pending.length === 0 && !this.flushScheduled;
  }

  private enqueue(item: Pending): void {
    if (this.closed) {
      item.reject(new Error('FarmHook is shutting down'));
      return;
    }
    this.pending.push(item);
    // setImmediate lets every request whose body completed in this I/O phase join the batch.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        while (this.pending.length > 0) void this.send(this.pending.splice(0, MAX_BATCH));
      });
    }
  }

  private async send(batch: Pending[]): Promise<void> {
    this.inFlight++;
    const items = batch.map((item): BatchItem =>
      item.kind === 'delivery'
        ? { kind: 'delivery', delivery: { raw: item.delivery.raw, headers: item.delivery.headers, remoteAddress: item.delivery.remoteAddress, receivedAt: item.delivery.receivedAt } }
        : { kind: 'rejection', rejection: { ...item.rejection } },
    );
    let results: BatchResult[];
    try {
      results = await this.writer.write(items);
    } catch (error) {
      for (const item of batch) item.reject(error);
      this.afterAnswers(() => {
        for (const listener of this.listeners) listener.failed?.(error);
      });
      return;
    }

    const events: IngestResult[] = [];
    const rejections: StoredRejection[] = [];
    batch.forEach((item, i) => {
      const result = results[i]!;
      if (item.kind === 'delivery') {
        const settled = toIngestResult(result, item.delivery.body);
        events.push(settled);
        item.resolve(settled);
      } else {
        if (result.kind !== 'rejection') throw new Error('The writer answered a refusal with an event.');
        const stored = { ...item.rejection, id: result.id };
        rejections.push(stored);
        item.resolve(stored);
      }
    });
    this.afterAnswers(() => {
      for (const listener of this.listeners) {
        if (events.length > 0) listener.events(events);
        if (rejections.length > 0) listener.rejections(rejections);
      }
    });
  }

  /**
   * Live pushes, alerts and forwarding hear of a batch only after its senders have been answered:
   * an acknowledgement never waits for the dashboard. setImmediate keeps batches in commit order.
   */
  private afterAnswers(notify: () => void): void {
    setImmediate(() => {
      try {
        notify();
      } finally {
        this.inFlight--;
        if (this.idle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    });
  }
}

function toIngestResult(result: BatchResult, body: Record<string, unknown>): IngestResult {
  if (result.kind === 'received') return { status: 'received', event: { ...result.event, payload: body } };
  if (result.kind === 'duplicate') return { status: 'duplicate', id: result.id, duplicates: result.duplicates };
  throw new Error('The writer answered a delivery with a refusal.');
}
