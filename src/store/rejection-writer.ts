// Refused deliveries go to their own bounded log, never among events.
import type { RejectionReason } from '../shared/schemas.js';
import type { Db } from './database.js';

/** How many refusals are kept; older ones are pruned as new ones arrive. */
export const REJECTION_LOG_LIMIT = 10_000;
/** How much of a refused body is kept, enough to see what a sender got wrong. */
export const REJECTION_SAMPLE_BYTES = 4096;

export interface NewRejection {
  receivedAt: number;
  reason: RejectionReason;
  status: number;
  message: string;
  remoteAddress: string | null;
  method: string;
  path: string;
  /** Already masked. */
  headers: Record<string, string>;
  bodySize: number;
  bodySample: Buffer;
}

export function prepareRejectionWriter(db: Db, limit = REJECTION_LOG_LIMIT) {
  const insert = db.prepare(`
    INSERT INTO rejections (received_at, reason, status, message, remote_address, method, path, headers,
      body_size, body_sample)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const prune = db.prepare('DELETE FROM rejections WHERE id <= ?');
  const count = db.prepare(`
    INSERT INTO counters (name, value) VALUES ('rejected', 1)
    ON CONFLICT (name) DO UPDATE SET value = value + 1`);

  return (r: NewRejection): number => {
    const sample = r.bodySample.subarray(0, REJECTION_SAMPLE_BYTES);
    const id = Number(
      insert.run(r.receivedAt, r.reason, r.status, r.message, r.remoteAddress, r.method, r.path,
        JSON.stringify(r.headers), r.bodySize, sample).lastInsertRowid,
    );
    count.run();
    // Pruning in steps of 100 keeps the log between `limit` and `limit + 100` rows without a
    // DELETE on every insert.
    if (id % 100 === 0 && id > limit) prune.run(id - limit);
    return id;
  };
}
