// The outbox: forward jobs and their attempt log. A job is created in the same transaction as its
// event (see outbox-hook.ts) and keeps one delivery id for life. The worker claims nothing in the
// database: a job is "in flight" only in memory, so after a crash every unfinished job is simply
// due again and is sent again with the same id (at-least-once).
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database.js';
import type { DeliveryKind, DeliveryStatus } from '../shared/forward.js';

export interface JobRow {
  id: number;
  delivery_id: string;
  destination_id: number;
  event_id: number | null;
  event: string;
  kind: DeliveryKind;
  payload: string | null;
  status: DeliveryStatus;
  attempts: number;
  due_at: number;
  created_at: number;
  updated_at: number;
  last_status_code: number | null;
  last_error: string | null;
}

export interface NewJob {
  destinationId: number;
  eventId: number | null;
  event: string;
  kind: DeliveryKind;
  /** Only for test sends, which have no stored event. */
  payload?: string | null;
  dueAt: number;
}

export interface AttemptRecord {
  jobId: number;
  destinationId: number;
  attempt: number;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
}

/** What becomes of the job after an attempt. */
export type JobOutcome =
  | { status: 'delivered' }
  | { status: 'retrying'; dueAt: number }
  | { status: 'failed' };

// A job may go out when its destination is enabled and not paused (paused or disabled destinations
// keep their jobs), and, for an ordered destination, only when it is that destination's oldest
// unfinished job: later ones wait behind it, even while it waits to be retried.
const SENDABLE = `d.enabled = 1 AND d.paused_at IS NULL AND (
  json_extract(d.settings, '$.ordered') = 0 OR j.id = (
    SELECT h.id FROM forward_jobs h WHERE h.destination_id = j.destination_id AND h.status IN ('pending', 'retrying')
    ORDER BY h.id LIMIT 1))`;

export const newDeliveryId = () => `msg_${randomUUID().replace(/-/g, '')}`;

export function prepareJobInsert(db: Db): (job: NewJob) => number {
  const insert = db.prepare(
    `INSERT INTO forward_jobs (delivery_id, destination_id, event_id, event, kind, payload, status, due_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
  );
  return (job) =>
    Number(
      insert.run(newDeliveryId(), job.destinationId, job.eventId, job.event, job.kind, job.payload ?? null, job.dueAt, job.dueAt, job.dueAt)
        .lastInsertRowid,
    );
}

export class Outbox {
  readonly insert: (job: NewJob) => number;
  private readonly due;
  private readonly nextDue;
  private readonly one;
  private readonly addAttempt;
  private readonly finishJob;
  private readonly requeue;
  private readonly pruneTests;

  constructor(private readonly db: Db) {
    this.insert = prepareJobInsert(db);
    this.due = db.prepare(
      `SELECT j.* FROM forward_jobs j JOIN forward_destinations d ON d.id = j.destination_id
       WHERE j.status IN ('pending', 'retrying') AND j.due_at <= ? AND ${SENDABLE}
         AND j.id NOT IN (SELECT value FROM json_each(?)) AND j.destination_id NOT IN (SELECT value FROM json_each(?))
       ORDER BY j.due_at, j.id LIMIT ?`,
    );
    this.nextDue = db.prepare(
      `SELECT MIN(j.due_at) AS at FROM forward_jobs j JOIN forward_destinations d ON d.id = j.destination_id
       WHERE j.status IN ('pending', 'retrying') AND ${SENDABLE}`,
    );
    this.one = db.prepare('SELECT * FROM forward_jobs WHERE id = ?');
    this.addAttempt = db.prepare(
      `INSERT INTO forward_attempts (job_id, destination_id, attempt, started_at, duration_ms, ok, status_code, response_body, error)
       VALUES (@jobId, @destinationId, @attempt, @startedAt, @durationMs, @ok, @statusCode, @responseBody, @error)`,
    );
    this.finishJob = db.prepare(
      `UPDATE forward_jobs SET status = @status, attempts = @attempt, due_at = @dueAt, updated_at = @now,
         last_status_code = @statusCode, last_error = @error WHERE id = @jobId`,
    );
    // Test sends have no event, so event retention does not reach them: keep the latest few.
    this.pruneTests = db.prepare(
      `DELETE FROM forward_jobs WHERE destination_id = @destinationId AND kind = 'test' AND id NOT IN (
         SELECT id FROM forward_jobs WHERE destination_id = @destinationId AND kind = 'test' ORDER BY id DESC LIMIT @keep)`,
    );
    this.requeue = db.prepare(
      `UPDATE forward_jobs SET status = 'pending', due_at = @now, updated_at = @now
       WHERE id = @id AND status IN ('failed', 'cancelled', 'retrying')`,
    );
  }

  /** Due jobs, leaving out those already in flight and destinations that have no free slot. */
  dueJobs(now: number, limit: number, inFlight: readonly number[] = [], fullDestinations: readonly number[] = []): JobRow[] {
    return this.due.all(now, JSON.stringify(inFlight), JSON.stringify(fullDestinations), limit) as JobRow[];
  }

  nextDueAt(): number | null {
    return (this.nextDue.get() as { at: number | null }).at;
  }

  job(id: number): JobRow | null {
    return (this.one.get(id) as JobRow | undefined) ?? null;
  }

  /** Logs the attempt and moves the job on, in one transaction. */
  record(attempt: AttemptRecord, outcome: JobOutcome, now: number): void {
    this.db.transaction(() => {
      this.addAttempt.run({ ...attempt, ok: attempt.ok ? 1 : 0 });
      this.finishJob.run({
        jobId: attempt.jobId,
        status: outcome.status,
        attempt: attempt.attempt,
        dueAt: outcome.status === 'retrying' ? outcome.dueAt : now,
        now,
        statusCode: attempt.statusCode,
        error: attempt.error,
      });
    })();
  }

  pruneTestSends(destinationId: number, keep = 20): void {
    this.pruneTests.run({ destinationId, keep });
  }

  /** Retry a finished-unsuccessfully job now (attempt numbers continue; the delivery id stays). */
  retry(id: number, now: number): boolean {
    return this.requeue.run({ id, now }).changes > 0;
  }
}
