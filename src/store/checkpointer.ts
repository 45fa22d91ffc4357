// Folds the WAL back into the database file, from the writer thread, between commits.
//
// Why not a thread of its own (the first design): SQLite restarts the WAL at its beginning only
// when a checkpoint has copied every frame in it, and a checkpoint running beside a busy writer
// never catches up. Under a steady stream of deliveries the WAL grew by ~45 MB/s in the benchmark:
// every commit appended to the file (a dearer fsync than overwriting), and every read had to search
// a longer WAL index. Run by the writer after its answers have gone out, a checkpoint always
// completes, the next commit restarts the WAL, and its pages are overwritten in place.
import type { Db } from './database.js';

export interface CheckpointPolicy {
  /** Checkpoint at the first moment nothing is waiting, once this long has passed since the last. */
  idleAfterMs: number;
  /** Checkpoint after a commit even with work waiting, once this long has passed. */
  overdueAfterMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { idleAfterMs: 500, overdueAfterMs: 1000 };

export function createCheckpointer(db: Db, policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY, now = () => performance.now()) {
  let last = now();
  let dirty = false;

  const checkpoint = () => {
    try {
      // PASSIVE never waits: a dashboard read holding an older snapshot only leaves its frames
      // for the next checkpoint.
      db.pragma('wal_checkpoint(PASSIVE)');
      dirty = false;
    } catch {
      // An I/O error here loses nothing (the WAL keeps every frame); the next one tries again.
    }
    last = now();
  };

  return {
    /** After each commit: only a long-overdue checkpoint runs while deliveries are waiting. */
    afterCommit(): void {
      dirty = true;
      if (now() - last >= policy.overdueAfterMs) checkpoint();
    },
    /** The writer has nothing waiting: the cheap moment. */
    whenIdle(): void {
      if (dirty && now() - last >= policy.idleAfterMs) checkpoint();
    },
  };
}
