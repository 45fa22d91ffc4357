// Pure arithmetic on one job session: which stretches it was printing (pauses excluded), how much of
// that falls inside a window, and what the session adds to the daily rollup.
import { DAY_MS, utcDay } from './time.js';

export type Outcome = 'done' | 'failed' | 'cancelled' | 'lost';
export type TerminalEvent = 'done' | 'failed' | 'cancelled';

export interface Mark {
  at: number;
  kind: 'pause' | 'resume';
}

/** A session as the rollups see it; endAt null = still printing. */
export interface SessionFacts {
  printerId: string;
  startedAt: number;
  endAt: number | null;
  outcome: Outcome | null;
  marks: readonly Mark[];
}

/**
 * The printing stretches of a session between start and end. Marks are taken in time order whatever
 * order they arrived in; a repeated pause (or resume) changes nothing, a pause never resumed lasts
 * until the end, and marks outside the session are clamped to it.
 */
export function printSegments(startedAt: number, end: number, marks: readonly Mark[]): [number, number][] {
  const sorted = [...marks].sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'pause' ? -1 : 1));
  const segments: [number, number][] = [];
  let printing = true;
  let cursor = startedAt;
  for (const mark of sorted) {
    const at = Math.min(Math.max(mark.at, startedAt), end);
    if (mark.kind === 'pause' && printing) {
      if (at > cursor) segments.push([cursor, at]);
      printing = false;
    } else if (mark.kind === 'resume' && !printing) {
      cursor = at;
      printing = true;
    }
  }
  if (printing && end > cursor) segments.push([cursor, end]);
  return segments;
}

export const segmentsLength = (segments: readonly [number, number][]): number =>
  segments.reduce((sum, [a, b]) => sum + (b - a), 0);

/** Printing time inside [from, to). */
export function clippedLength(segments: readonly [number, number][], from: number, to: number): number {
  let sum = 0;
  for (const [a, b] of segments) {
    const overlap = Math.min(b, to) - Math.max(a, from);
    if (overlap > 0) sum += overlap;
  }
  return sum;
}

export interface DailyDelta {
  started: number;
  finished: number;
  failed: number;
  cancelled: number;
  lost: number;
  print_ms: number;
  finished_ms: number;
  failed_ms: number;
  cancelled_ms: number;
}

export const emptyDelta = (): DailyDelta => ({
  started: 0,
  finished: 0,
  failed: 0,
  cancelled: 0,
  lost: 0,
  print_ms: 0,
  finished_ms: 0,
  failed_ms: 0,
  cancelled_ms: 0,
});

const OUTCOME_COLUMN = { done: 'finished', failed: 'failed', cancelled: 'cancelled', lost: 'lost' } as const;

/**
 * What a session adds to stats_printer_daily, by UTC day: a start on the day it started; for a closed
 * session its printing time split over the days it spans, and its outcome (with its whole printing
 * time, for success by hours and average duration) on the day it ended. An open session adds only its
 * start: the queries count its running time live.
 */
export function dailyContribution(session: SessionFacts): Map<number, DailyDelta> {
  const days = new Map<number, DailyDelta>();
  const at = (day: number): DailyDelta => {
    let delta = days.get(day);
    if (!delta) days.set(day, (delta = emptyDelta()));
    return delta;
  };
  at(utcDay(session.startedAt)).started += 1;
  if (session.endAt === null || session.outcome === null) return days;

  const segments = printSegments(session.startedAt, session.endAt, session.marks);
  for (const [a, b] of segments) {
    for (let day = utcDay(a); day * DAY_MS < b; day++) {
      const overlap = Math.min(b, (day + 1) * DAY_MS) - Math.max(a, day * DAY_MS);
      if (overlap > 0) at(day).print_ms += overlap;
    }
  }
  const endDay = at(utcDay(session.endAt));
  const column = OUTCOME_COLUMN[session.outcome];
  endDay[column] += 1;
  if (column !== 'lost') endDay[`${column}_ms`] += segmentsLength(segments);
  return days;
}

/** after − before, day by day (what to add to the rollup when a session changes). */
export function subtractContributions(
  after: Map<number, DailyDelta>,
  before: Map<number, DailyDelta>,
): Map<number, DailyDelta> {
  const result = new Map<number, DailyDelta>();
  for (const day of new Set([...after.keys(), ...before.keys()])) {
    const a = after.get(day) ?? emptyDelta();
    const b = before.get(day) ?? emptyDelta();
    const delta = emptyDelta();
    let nonZero = false;
    for (const key of Object.keys(delta) as (keyof DailyDelta)[]) {
      delta[key] = a[key] - b[key];
      if (delta[key] !== 0) nonZero = true;
    }
    if (nonZero) result.set(day, delta);
  }
  return result;
}

/**
 * How long an open session may plausibly still be printing: its estimate (plus pauses) and then as
 * long again, at least 6 h more; 48 h without an estimate. Past that its job.done was most likely
 * lost, and it stops counting as printing time.
 */
export function staleAt(startedAt: number, pausedMs: number, estimateMs: number | null): number {
  if (estimateMs === null) return startedAt + pausedMs + 48 * 3_600_000;
  return startedAt + pausedMs + estimateMs + Math.max(estimateMs, 6 * 3_600_000);
}
