// The read side of the outbox for the dashboard: deliveries (keyset pages, newest first), one
// delivery with its attempts, the attempt log, and per-destination statistics.
import type { Db } from '../store/database.js';
import type {
  AttemptPage,
  AttemptQuery,
  Delivery,
  DeliveryAttempt,
  DeliveryDetail,
  DeliveryPage,
  DeliveryQuery,
  DestinationStats,
} from '../shared/forward.js';
import { DELIVERY_STATUSES } from '../shared/forward.js';
import type { DestinationRecord } from './destination-record.js';
import { ForwardError } from './errors.js';
import type { JobRow } from './outbox.js';

type DeliveryRow = JobRow & { destination_name: string };

interface AttemptRow {
  id: number;
  job_id: number;
  delivery_id: string;
  destination_id: number;
  attempt: number;
  started_at: number;
  duration_ms: number;
  ok: number;
  status_code: number | null;
  response_body: string | null;
  error: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function toDelivery(row: DeliveryRow): Delivery {
  const unfinished = row.status === 'pending' || row.status === 'retrying';
  return {
    id: String(row.id),
    deliveryId: row.delivery_id,
    destinationId: String(row.destination_id),
    destinationName: row.destination_name,
    eventId: row.event_id === null ? null : String(row.event_id),
    event: row.event,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: unfinished ? iso(row.due_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
  };
}

export function toAttempt(row: AttemptRow): DeliveryAttempt {
  return {
    id: String(row.id),
    deliveryId: row.delivery_id,
    jobId: String(row.job_id),
    destinationId: String(row.destination_id),
    attempt: row.attempt,
    startedAt: iso(row.started_at),
    durationMs: row.duration_ms,
    ok: row.ok === 1,
    statusCode: row.status_code,
    responseBody: row.response_body,
    error: row.error,
  };
}

function integerParam(value: string | undefined, what: string): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) throw new ForwardError('invalid_request', `${what} must be a number.`);
  return Number(value);
}

const DELIVERY_SELECT = `SELECT j.*, d.name AS destination_name FROM forward_jobs j JOIN forward_destinations d ON d.id = j.destination_id`;
const ATTEMPT_SELECT = `SELECT a.*, j.delivery_id FROM forward_attempts a JOIN forward_jobs j ON j.id = a.job_id`;

export const STATS_WINDOW_HOURS = 24 * 7;

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? null;
}

export class DeliveryLog {
  private readonly oneDelivery;
  private readonly attemptsOfJob;
  private readonly windowAttempts;
  private readonly jobCounts;

  constructor(private readonly db: Db) {
    this.oneDelivery = db.prepare(`${DELIVERY_SELECT} WHERE j.id = ?`);
    this.attemptsOfJob = db.prepare(`${ATTEMPT_SELECT} WHERE a.job_id = ? ORDER BY a.id`);
    this.windowAttempts = db.prepare(
      `SELECT ok, duration_ms FROM forward_attempts WHERE destination_id = ? AND started_at >= ? ORDER BY id DESC LIMIT 20000`,
    );
    this.jobCounts = db.prepare(
      `SELECT status, count(*) AS n FROM forward_jobs WHERE destination_id = ? AND kind != 'test' GROUP BY status`,
    );
  }

  deliveries(query: DeliveryQuery): DeliveryPage {
    const limit = query.limit ?? 100;
    const where: string[] = [];
    const params: (string | number)[] = [];
    const cursor = integerParam(query.cursor, 'cursor');
    if (cursor !== null) {
      where.push('j.id < ?');
      params.push(cursor);
    }
    const destination = integerParam(query.destination, 'destination');
    if (destination !== null) {
      where.push('j.destination_id = ?');
      params.push(destination);
    }
    const event = integerParam(query.event, 'event');
    if (event !== null) {
      where.push('j.event_id = ?');
      params.push(event);
    }
    if (query.status) {
      const statuses = query.status.split(',').map((s) => s.trim());
      for (const s of statuses) {
        if (!(DELIVERY_STATUSES as readonly string[]).includes(s)) throw new ForwardError('invalid_request', `Unknown status "${s}".`);
      }
      where.push(`j.status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    const sql = `${DELIVERY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as DeliveryRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toDelivery), nextCursor: rows.length > limit && last ? String(last.id) : null };
  }

  delivery(id: number): DeliveryDetail {
    const row = this.oneDelivery.get(id) as DeliveryRow | undefined;
    if (!row) throw new ForwardError('not_found', `There is no delivery ${id}.`);
    return { ...toDelivery(row), attemptLog: (this.attemptsOfJob.all(id) as AttemptRow[]).map(toAttempt) };
  }

  deliveryItem(id: number): Delivery | null {
    const row = this.oneDelivery.get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  attemptById(id: number): DeliveryAttempt | null {
    const row = this.db.prepare(`${ATTEMPT_SELECT} WHERE a.id = ?`).get(id) as AttemptRow | undefined;
    return row ? toAttempt(row) : null;
  }

  attempts(query: AttemptQuery): AttemptPage {
    const limit = query.limit ?? 100;
    const where: string[] = [];
    const params: number[] = [];
    const cursor = integerParam(query.cursor, 'cursor');
    if (cursor !== null) {
      where.push('a.id < ?');
      params.push(cursor);
    }
    const destination = integerParam(query.destination, 'destination');
    if (destination !== null) {
      where.push('a.destination_id = ?');
      params.push(destination);
    }
    const sql = `${ATTEMPT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as AttemptRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toAttempt), nextCursor: rows.length > limit && last ? String(last.id) : null };
  }

  stats(destination: DestinationRecord, now: number = Date.now()): DestinationStats {
    const attempts = this.windowAttempts.all(destination.id, now - STATS_WINDOW_HOURS * 3_600_000) as { ok: number; duration_ms: number }[];
    const successes = attempts.filter((a) => a.ok === 1).length;
    const durations = attempts.map((a) => a.duration_ms).sort((a, b) => a - b);
    const counts = Object.fromEntries((this.jobCounts.all(destination.id) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    return {
      destinationId: String(destination.id),
      name: destination.name,
      enabled: destination.enabled,
      paused: destination.pausedAt !== null,
      windowHours: STATS_WINDOW_HOURS,
      attempts: attempts.length,
      successes,
      failures: attempts.length - successes,
      successRate: attempts.length === 0 ? null : successes / attempts.length,
      medianMs: percentile(durations, 0.5),
      p95Ms: percentile(durations, 0.95),
      lastSuccessAt: destination.lastSuccessAt === null ? null : iso(destination.lastSuccessAt),
      lastFailureAt: destination.lastFailureAt === null ? null : iso(destination.lastFailureAt),
      consecutiveFailures: destination.consecutiveFailures,
      queueDepth: (counts.pending ?? 0) + (counts.retrying ?? 0),
      delivered: counts.delivered ?? 0,
      failed: counts.failed ?? 0,
    };
  }
}
