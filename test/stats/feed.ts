// Feeds simulated deliveries through the real ingest path (IngestQueue and the batch committer:
// extraction, event store, hooks; inline rather than on the writer thread) into a real SQLite file, the way the receiver does after it has parsed a body.
import { phpJsonEncode } from '../../src/simulate/php-json.js';
import type { SimDelivery } from '../../src/simulate/printer-timeline.js';
import type { Db } from '../../src/store/database.js';
import { inlineWriter } from '../../src/store/batch-writers.js';
import type { IngestHookRef } from '../../src/store/hooks.js';
import { IngestQueue } from '../../src/store/ingest-queue.js';

/** Submits in batches of `batch` (each one transaction), in the order given. */
export async function feed(db: Db, hooks: readonly IngestHookRef[], deliveries: readonly SimDelivery[], batch = 2000): Promise<void> {
  const queue = new IngestQueue(await inlineWriter(db, hooks));
  for (let i = 0; i < deliveries.length; i += batch) {
    await Promise.all(
      deliveries.slice(i, i + batch).map((d) => {
        const raw = Buffer.from(phpJsonEncode(d.body));
        return queue.submit({
          raw,
          body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
          headers: { 'content-type': 'application/json' },
          remoteAddress: '127.0.0.1',
          receivedAt: Date.now(),
        });
      }),
    );
  }
  await queue.close();
}

/** A deterministic shuffle (for out-of-order arrival). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
