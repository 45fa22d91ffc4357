// Commits one batch of queued writes (deliveries and refusals) in one transaction: one fsync for
// all of them. Runs wherever the write connection lives (normally the writer thread).
import { createHash } from 'node:crypto';
import { extractFields } from '../events/extract.js';
import type { Db } from './database.js';
import { prepareEventWriter } from './event-writer.js';
import type { IngestHook, StoredEvent } from './hooks.js';
import { prepareRejectionWriter, type NewRejection } from './rejection-writer.js';

/** A delivery already validated by the receiver. */
export interface Delivery {
  raw: Uint8Array;
  headers: Record<string, string>;
  remoteAddress: string | null;
  receivedAt: number;
}

export type BatchItem = { kind: 'delivery'; delivery: Delivery } | { kind: 'rejection'; rejection: NewRejection };

/** StoredEvent without its payload: the queue re-attaches the body it already parsed. */
export type CommittedEvent = Omit<StoredEvent, 'payload'>;

export type BatchResult =
  | { kind: 'received'; event: CommittedEvent }
  | { kind: 'duplicate'; id: number; duplicates: number }
  | { kind: 'rejection'; id: number };

/** First 16 bytes of SHA-256: 128 bits is ample to recognise an exact re-delivery. */
export function bodyHash(raw: Uint8Array): Buffer {
  return createHash('sha256').update(raw).digest().subarray(0, 16);
}

export function createBatchCommitter(db: Db, hooks: readonly IngestHook[]) {
  const events = prepareEventWriter(db);
  const writeRejection = prepareRejectionWriter(db);
  const runHooks = hooks.map((hook) => hook.attach(db));
  // received_at never goes backwards (event-query.ts relies on it): a wall clock stepped back is
  // held at the last value until it catches up.
  let lastReceivedAt =
    (db.prepare('SELECT received_at FROM events ORDER BY id DESC LIMIT 1').get() as { received_at: number } | undefined)?.received_at ?? 0;

  function store(delivery: Delivery): BatchResult {
    const raw = Buffer.from(delivery.raw.buffer, delivery.raw.byteOffset, delivery.raw.byteLength);
    // Parsed again here rather than copied across threads: as fast, and it keeps the receiver's
    // thread free for the network. Parsed before the duplicate lookup, which needs the timestamp.
    const payload = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    const fields = extractFields(payload);
    const hash = bodyHash(raw);
    const duplicate = events.markDuplicate(fields.timestamp, hash, delivery.receivedAt);
    if (duplicate) return { kind: 'duplicate', ...duplicate };

    const receivedAt = Math.max(delivery.receivedAt, lastReceivedAt);
    const id = events.insert({ ...delivery, raw, receivedAt }, fields, hash);
    lastReceivedAt = receivedAt;
    const event: StoredEvent = { id, receivedAt, payload, ...fields };
    for (const run of runHooks) run(event);
    const { payload: _payload, ...committed } = event;
    return { kind: 'received', event: committed };
  }

  const commit = db.transaction((items: readonly BatchItem[]) =>
    items.map((item): BatchResult =>
      item.kind === 'delivery' ? store(item.delivery) : { kind: 'rejection', id: writeRejection(item.rejection) },
    ),
  );

  // IMMEDIATE takes the write lock before the first read. A deferred transaction that reads first
  // (the duplicate lookup) fails at once with SQLITE_BUSY_SNAPSHOT, never waiting, when the
  // dashboard's connection commits in between — and the sender would get a 503.
  return (items: readonly BatchItem[]): BatchResult[] => commit.immediate(items);
}
