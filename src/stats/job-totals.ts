// Job totals per printer over [from, to), from the rollups only: whole UTC days from
// stats_printer_daily, the partial days at the edges from the closed sessions that touch them, and
// still-open sessions live (at most one per printer). Printing time is clipped to the range, pauses
// excluded; outcomes count on the day the job ended; starts on the day it started.
import type { Db } from '../store/database.js';
import { emptyTotals, type JobTotals } from './figures.js';
import { clippedLength, printSegments, segmentsLength, staleAt, type Mark, type Outcome } from './session-math.js';
import { DAY_MS } from './time.js';

interface ClosedSession {
  id: number;
  printer_id: string;
  started_at: number;
  end_at: number;
  outcome: Outcome;
  paused_ms: number;
}

interface OpenSession {
  id: number;
  printer_id: string;
  started_at: number;
  estimate_ms: number | null;
  paused: 0 | 1;
}

const OUTCOME_TOTALS = {
  done: ['finished', 'finishedMs'],
  failed: ['failed', 'failedMs'],
  cancelled: ['cancelled', 'cancelledMs'],
  lost: ['lost', null],
} as const;

export function prepareJobTotals(db: Db) {
  const daily = db.prepare<[number, number], Record<string, number> & { printer_id: string }>(`
    SELECT printer_id, sum(started) AS started, sum(finished) AS finished, sum(failed) AS failed,
      sum(cancelled) AS cancelled, sum(lost) AS lost, sum(print_ms) AS printMs, sum(finished_ms) AS finishedMs,
      sum(failed_ms) AS failedMs, sum(cancelled_ms) AS cancelledMs
    FROM stats_printer_daily WHERE day >= ? AND day < ? GROUP BY printer_id`);
  const startedIn = db.prepare<[number, number], { printer_id: string; n: number }>(
    'SELECT printer_id, count(*) AS n FROM stats_sessions WHERE started_at >= ? AND started_at < ? GROUP BY printer_id',
  );
  // Sessions reaching into [a, b): none can have started more than the longest session before a.
  const closedTouching = db.prepare<[number, number, number], ClosedSession>(`
    SELECT id, printer_id, started_at, end_at, outcome, paused_ms FROM stats_sessions
    WHERE started_at >= ? AND started_at < ? AND end_at >= ?`);
  // Most open sessions never paused: ask for their marks only when they have some.
  const open = db.prepare<[], OpenSession>(`
    SELECT id, printer_id, started_at, estimate_ms,
      EXISTS (SELECT 1 FROM stats_session_marks m WHERE m.session_id = s.id) AS paused
    FROM stats_sessions s WHERE end_at IS NULL`);
  const maxLength = db.prepare<[], { value: number }>("SELECT value FROM stats_meta WHERE name = 'max_session_ms'");
  const marksOf = db.prepare<[number], Mark>('SELECT at, kind FROM stats_session_marks WHERE session_id = ?');

  return function jobTotals(from: number, to: number, now: number): Map<string, JobTotals> {
    const totals = new Map<string, JobTotals>();
    const of = (printerId: string): JobTotals => {
      let t = totals.get(printerId);
      if (!t) totals.set(printerId, (t = emptyTotals()));
      return t;
    };

    const firstDay = Math.ceil(from / DAY_MS);
    const endDay = Math.floor(to / DAY_MS);
    const edges: [number, number][] = [];
    if (firstDay < endDay) {
      for (const row of daily.all(firstDay, endDay)) {
        const t = of(row.printer_id);
        for (const key of Object.keys(t) as (keyof JobTotals)[]) t[key] += row[key] ?? 0;
      }
      if (from < firstDay * DAY_MS) edges.push([from, firstDay * DAY_MS]);
      if (endDay * DAY_MS < to) edges.push([endDay * DAY_MS, to]);
    } else {
      edges.push([from, to]);
    }

    const longest = maxLength.get()?.value ?? 0;
    for (const [a, b] of edges) {
      for (const row of startedIn.all(a, b)) of(row.printer_id).started += row.n;
      for (const s of closedTouching.all(a - longest, b, a)) {
        const segments = s.paused_ms > 0 ? printSegments(s.started_at, s.end_at, marksOf.all(s.id)) : [[s.started_at, s.end_at] as [number, number]];
        const t = of(s.printer_id);
        t.printMs += clippedLength(segments, a, b);
        if (s.end_at >= a && s.end_at < b) {
          const [count, ms] = OUTCOME_TOTALS[s.outcome];
          t[count] += 1;
          if (ms !== null) t[ms] += segmentsLength(segments);
        }
      }
    }

    // Open sessions are in no rollup: they count as printing until now, the end of the range, or the
    // point where they have run implausibly long (their job.done was probably lost).
    for (const s of open.all()) {
      if (s.started_at >= to) continue;
      const marks = s.paused ? marksOf.all(s.id) : [];
      const pausedSoFar = now - s.started_at - segmentsLength(printSegments(s.started_at, Math.max(now, s.started_at), marks));
      const until = Math.min(to, now, staleAt(s.started_at, Math.max(0, pausedSoFar), s.estimate_ms));
      if (until <= s.started_at) continue;
      of(s.printer_id).printMs += clippedLength(printSegments(s.started_at, until, marks), from, to);
    }
    return totals;
  };
}
