// The figures FarmHook must report for a simulated farm, computed straight from the simulation's
// truth (job by job, no rollups), following the documented rules:
// - printing time excludes pauses and is clipped to [from, to); open prints count until min(to, now)
//   unless they have run implausibly long (estimate + pauses + max(estimate, 6 h));
// - outcomes count when the job ended; starts when it started;
// - a job whose ending was never delivered is 'lost' once its printer starts another job, closed at
//   that start or at start + pauses + estimate, whichever is earlier;
// - deliveries count in whole hours (the range widened outwards), queue events exactly.
// The ratio formulas below are written again rather than imported from src/stats on purpose: an
// oracle that calls the code it checks cannot catch that code's mistakes.
import type { FarmStats, PrinterStats, QueueStats } from '../shared/stats.js';
import type { SimulationTruth } from './generate.js';
import type { TrueSession } from './printer-timeline.js';

const HOUR = 3_600_000;

interface Effective {
  session: TrueSession;
  outcome: 'done' | 'failed' | 'cancelled' | 'lost' | null;
  /** Where printing time stops counting (null: open, counted up to now). */
  end: number | null;
}

function pausedWithin(session: TrueSession, until: number): number {
  let paused = 0;
  for (const [a, b] of session.pauses) paused += Math.max(0, Math.min(b ?? until, until) - Math.min(a, until));
  return paused;
}

function effectiveSessions(truth: SimulationTruth): Effective[] {
  const byPrinter = new Map<string, TrueSession[]>();
  for (const s of truth.sessions) byPrinter.set(s.printerId, [...(byPrinter.get(s.printerId) ?? []), s]);
  const result: Effective[] = [];
  for (const sessions of byPrinter.values()) {
    sessions.sort((a, b) => a.startedAt - b.startedAt);
    sessions.forEach((s, i) => {
      if (s.outcome !== null && !s.endingDropped) {
        result.push({ session: s, outcome: s.outcome, end: s.endedAt });
        return;
      }
      const next = sessions[i + 1];
      if (next) {
        const expected = s.startedAt + pausedWithin(s, next.startedAt) + s.estimateMs;
        result.push({ session: s, outcome: 'lost', end: Math.min(next.startedAt, expected) });
      } else {
        result.push({ session: s, outcome: null, end: null });
      }
    });
  }
  return result;
}

/** Printing time of one session inside [from, to), the session ending at `end`. */
function printingWithin(session: TrueSession, end: number, from: number, to: number): number {
  const a = Math.max(from, session.startedAt);
  const b = Math.min(to, end);
  if (b <= a) return 0;
  let ms = b - a;
  for (const [p, r] of session.pauses) {
    const overlap = Math.min(b, r ?? end, end) - Math.max(a, p);
    if (overlap > 0) ms -= overlap;
  }
  return ms;
}

interface Totals {
  started: number;
  finished: number;
  failed: number;
  cancelled: number;
  lost: number;
  printMs: number;
  finishedMs: number;
  failedMs: number;
  cancelledMs: number;
}

const zero = (): Totals => ({ started: 0, finished: 0, failed: 0, cancelled: 0, lost: 0, printMs: 0, finishedMs: 0, failedMs: 0, cancelledMs: 0 });

function figures(t: Totals, capacity: number) {
  const ended = t.finished + t.failed + t.cancelled;
  const endedMs = t.finishedMs + t.failedMs + t.cancelledMs;
  return {
    jobsStarted: t.started,
    jobsFinished: t.finished,
    jobsFailed: t.failed,
    jobsCancelled: t.cancelled,
    jobsLost: t.lost,
    successRate: ended > 0 ? t.finished / ended : null,
    successRateByHours: endedMs > 0 ? t.finishedMs / endedMs : null,
    printHours: t.printMs / HOUR,
    utilisation: capacity > 0 ? t.printMs / capacity : 0,
    mtbfHours: t.failed > 0 ? t.printMs / HOUR / t.failed : null,
    avgJobHours: t.finished > 0 ? t.finishedMs / HOUR / t.finished : null,
  };
}

export interface ExpectedFigures {
  printers: PrinterStats[];
  farm: Omit<FarmStats['totals'], 'printingNow'>;
  queue: QueueStats;
  deliveriesByCategory: Record<string, number>;
}

export function expectedFigures(truth: SimulationTruth, from: number, to: number, now: number): ExpectedFigures {
  const totals = new Map(truth.printers.map((p) => [p.id, zero()]));
  for (const { session, outcome, end } of effectiveSessions(truth)) {
    const t = totals.get(session.printerId)!;
    if (session.startedAt >= from && session.startedAt < to) t.started += 1;
    let until = end;
    if (until === null) {
      const stale = session.startedAt + pausedWithin(session, now) + session.estimateMs + Math.max(session.estimateMs, 6 * HOUR);
      until = Math.min(now, stale);
    }
    t.printMs += printingWithin(session, until, from, to);
    if (end !== null && outcome !== null && end >= from && end < to) {
      const whole = printingWithin(session, end, -Infinity, Infinity);
      if (outcome === 'done') [t.finished, t.finishedMs] = [t.finished + 1, t.finishedMs + whole];
      if (outcome === 'failed') [t.failed, t.failedMs] = [t.failed + 1, t.failedMs + whole];
      if (outcome === 'cancelled') [t.cancelled, t.cancelledMs] = [t.cancelled + 1, t.cancelledMs + whole];
      if (outcome === 'lost') t.lost += 1;
    }
  }

  const capacity = Math.max(0, Math.min(to, now) - from);
  const printers = truth.printers
    .map((p) => ({ printerId: p.id, printerName: p.name, ...figures(totals.get(p.id)!, capacity) }))
    .sort((a, b) => a.printerName.localeCompare(b.printerName) || a.printerId.localeCompare(b.printerId));
  const farmTotals = [...totals.values()].reduce((sum, t) => {
    for (const key of Object.keys(sum) as (keyof Totals)[]) sum[key] += t[key];
    return sum;
  }, zero());

  const queue: QueueStats = { added: 0, pendingApproval: 0, approved: 0, denied: 0, removed: 0 };
  for (const q of truth.queue) if (q.at >= from && q.at < to) queue[q.kind as keyof QueueStats] += 1;

  const hourFrom = Math.floor(from / HOUR) * HOUR;
  const hourTo = Math.ceil(to / HOUR) * HOUR;
  const deliveriesByCategory: Record<string, number> = {};
  let deliveries = 0;
  for (const d of truth.deliveries) {
    if (d.at < hourFrom || d.at >= hourTo) continue;
    deliveriesByCategory[d.category] = (deliveriesByCategory[d.category] ?? 0) + 1;
    deliveries += 1;
  }

  return {
    printers,
    farm: { printers: truth.printers.length, deliveries, ...figures(farmTotals, capacity * truth.printers.length) },
    queue,
    deliveriesByCategory,
  };
}
