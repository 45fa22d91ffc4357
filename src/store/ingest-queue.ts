// The write path. Every delivery and every refusal goes through this queue, which commits them in
// batches: all that arrive while the previous batch is being made durable share the next transaction
// and so one fsync (group commit). A promise resolves only after its batch is on disk, and the
// receiver answers 200 only then. If a commit fails (disk full, I/O error) the whole batch is
// rejected and the senders get a 5xx, so SimplyPrint retries instead of believing we have it.
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

/** Bounds one transaction, so a flood cannot build one huge commit that holds everyone up. */
const MAX_BATCH = 2000;

export class IngestQueue {
  private pending: Pending[] = [];
  private writing = false;
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
    if (this.writing || this.pending.length > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.writer.close();
  }

  private enqueue(item: Pending): void {
    if (this.closed) {
      item.reject(new Error('FarmHook is shutting down'));
      return;
    }
    this.pending.push(item);
    // One batch in flight at a time; whatever arrives meanwhile forms the next one. setImmediate
    // lets every request whose body completed in this I/O phase join the batch.
    if (!this.writing) {
      this.writing = true;
      setImmediate(() => void this.flush());
    }
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
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
      for (const listener of this.listeners) listener.failed?.(error);
      return this.next();
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
    for (const listener of this.listeners) {
      if (events.length > 0) listener.events(events);
      if (rejections.length > 0) listener.rejections(rejections);
    }
    this.next();
  }

  private next(): void {
    if (this.pending.length > 0) {
      void this.flush();
      return;
    }
    this.writing = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function toIngestResult(result: BatchResult, body: Record<string, unknown>): IngestResult {
  if (result.kind === 'received') return { status: 'received', event: { ...result.event, payload: body } };
  if (result.kind === 'duplicate') return { status: 'duplicate', id: result.id, duplicates: result.duplicates };
  throw new Error('The writer answered a delivery with a refusal.');
}
