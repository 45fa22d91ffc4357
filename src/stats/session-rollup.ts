// Reconstructs print-job sessions from job events and keeps stats_printer_daily equal to the sum of
// every session's contribution. Deliveries may come late, twice or out of order, and a job.done may
// never come, so nothing here depends on arrival order:
// - the start is `data.job.started` when sent (any job event carries it), else the job.started
//   event's time, else the earliest event seen for the job;
// - the end is `data.job.ended` of the terminal event, else that event's time; when both done and
//   failed (say) arrive, the later event wins;
// - pause/resume instants are stored and paired in time order (session-math.ts);
// - a job with no ending whose printer has started a later job is 'lost': closed at that start (or
//   at start + pauses + estimate, if earlier). Its printing time counts, it is neither a success nor
//   a failure, and if its ending turns up later it becomes an ordinary finished/failed/cancelled job.
// Every change to a session removes its old contribution from the daily rollup and adds the new one.
import type { Db } from '../store/database.js';
import {
  dailyContribution,
  printSegments,
  segmentsLength,
  subtractContributions,
  type DailyDelta,
  type Mark,
  type Outcome,
  type SessionFacts,
  type TerminalEvent,
} from './session-math.js';

/** How sure we are of a session's start: higher wins. */
const START_RANK = { data: 2, startEvent: 1, otherEvent: 0 } as const;

export interface SessionRow {
  id: number;
  printer_id: string;
  job_key: string;
  started_at: number;
  start_rank: number;
  terminal: TerminalEvent | null;
  terminal_at: number | null;
  ended_at: number | null;
  estimate_ms: number | null;
  last_at: number;
  outcome: Outcome | null;
  end_at: number | null;
  paused_ms: number;
}

export interface JobEventInput {
  printerId: string;
  jobKey: string;
  jobId: string | null;
  jobUid: string | null;
  file: string | null;
  /** The lifecycle step: started, paused, resumed, done, failed or cancelled. */
  step: 'started' | 'paused' | 'resumed' | TerminalEvent;
  at: number;
  dataStartedAt: number | null;
  dataEndedAt: number | null;
  estimateMs: number | null;
}

export function prepareSessionRollup(db: Db) {
  const find = db.prepare<[string, string], SessionRow>('SELECT * FROM stats_sessions WHERE printer_id = ? AND job_key = ?');
  const byId = db.prepare<[number], SessionRow>('SELECT * FROM stats_sessions WHERE id = ?');
  const previous = db.prepare<[string, number, number, number], SessionRow>(`
    SELECT * FROM stats_sessions WHERE printer_id = ? AND (started_at < ? OR (started_at = ? AND id < ?))
    ORDER BY started_at DESC, id DESC LIMIT 1`);
  const next = db.prepare<[string, number, number, number], { started_at: number }>(`
    SELECT started_at FROM stats_sessions WHERE printer_id = ? AND (started_at > ? OR (started_at = ? AND id > ?))
    ORDER BY started_at, id LIMIT 1`);
  const marksOf = db.prepare<[number], Mark>('SELECT at, kind FROM stats_session_marks WHERE session_id = ?');
  const insertMark = db.prepare('INSERT OR IGNORE INTO stats_session_marks (session_id, at, kind) VALUES (?, ?, ?)');
  // RETURNING hands back the row as stored, saving a read after each write (this runs for every job
  // event, inside the ingest transaction).
  const insert = db.prepare<Record<string, unknown>, SessionRow>(`
    INSERT INTO stats_sessions (printer_id, job_key, job_id, job_uid, file, started_at, start_rank, estimate_ms, last_at)
    VALUES (@printerId, @jobKey, @jobId, @jobUid, @file, @startedAt, @startRank, @estimateMs, @at)
    RETURNING *`);
  // Positional, no RETURNING, and started_at set only when it moves: SQLite rewrites the entries of
  // every index on a column the UPDATE assigns, even to the value it already has, and RETURNING *
  // builds a whole row object. This statement runs for every job event; the row it leaves is
  // worked out in JS below, the same way.
  const updateFacts = db.prepare<[string | null, string | null, string | null, number, number | null, number, string | null, number | null, number | null, number]>(`
    UPDATE stats_sessions SET
      job_id = coalesce(job_id, ?), job_uid = coalesce(job_uid, ?), file = coalesce(?, file),
      start_rank = ?, estimate_ms = coalesce(?, estimate_ms),
      last_at = max(last_at, ?), terminal = ?, terminal_at = ?, ended_at = ?
    WHERE id = ?`);
  const moveStart = db.prepare('UPDATE stats_sessions SET started_at = ? WHERE id = ?');
  const updateDerived = db.prepare('UPDATE stats_sessions SET outcome = ?, end_at = ?, paused_ms = ? WHERE id = ?');
  const addDaily = db.prepare(`
    INSERT INTO stats_printer_daily (day, printer_id, started, finished, failed, cancelled, lost, print_ms,
      finished_ms, failed_ms, cancelled_ms)
    VALUES (@day, @printerId, @started, @finished, @failed, @cancelled, @lost, @print_ms, @finished_ms, @failed_ms, @cancelled_ms)
    ON CONFLICT (day, printer_id) DO UPDATE SET
      started = started + excluded.started, finished = finished + excluded.finished, failed = failed + excluded.failed,
      cancelled = cancelled + excluded.cancelled, lost = lost + excluded.lost, print_ms = print_ms + excluded.print_ms,
      finished_ms = finished_ms + excluded.finished_ms, failed_ms = failed_ms + excluded.failed_ms,
      cancelled_ms = cancelled_ms + excluded.cancelled_ms`);
  const raiseMaxLength = db.prepare(`
    INSERT INTO stats_meta (name, value) VALUES ('max_session_ms', ?)
    ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`);

  const facts = (row: SessionRow, marks: readonly Mark[]): SessionFacts => ({
    printerId: row.printer_id,
    startedAt: row.started_at,
    endAt: row.end_at,
    outcome: row.outcome,
    marks,
  });

  function applyDaily(printerId: string, deltas: Map<number, DailyDelta>): void {
    for (const [day, delta] of deltas) addDaily.run({ day, printerId, ...delta });
  }

  /** Recomputes outcome, end and pauses of one session and moves its rollup contribution. */
  function refresh(row: SessionRow, marks: readonly Mark[], before: Map<number, DailyDelta>): void {
    let outcome: Outcome | null = null;
    let endAt: number | null = null;
    if (row.terminal !== null) {
      outcome = row.terminal;
      endAt = Math.max(row.ended_at ?? row.terminal_at ?? row.started_at, row.started_at);
    } else {
      const following = next.get(row.printer_id, row.started_at, row.started_at, row.id);
      if (following) {
        outcome = 'lost';
        const pausedUntilNext = following.started_at - row.started_at - segmentsLength(printSegments(row.started_at, following.started_at, marks));
        endAt =
          row.estimate_ms === null
            ? following.started_at
            : Math.min(following.started_at, row.started_at + pausedUntilNext + row.estimate_ms);
      }
    }
    const until = endAt ?? Math.max(row.last_at, row.started_at);
    const pausedMs = until - row.started_at - segmentsLength(printSegments(row.started_at, until, marks));
    if (outcome !== row.outcome || endAt !== row.end_at || pausedMs !== row.paused_ms) updateDerived.run(outcome, endAt, pausedMs, row.id);
    // Always written (not skipped by a value remembered here): a batch that rolls back would leave
    // a remembered maximum the database never got.
    if (endAt !== null) raiseMaxLength.run(endAt - row.started_at);
    const after = dailyContribution(facts({ ...row, outcome, end_at: endAt }, marks));
    applyDaily(row.printer_id, subtractContributions(after, before));
  }

  const previousOf = (row: SessionRow) => previous.get(row.printer_id, row.started_at, row.started_at, row.id);

  return function record(input: JobEventInput): void {
    const start =
      input.dataStartedAt !== null
        ? { at: input.dataStartedAt, rank: START_RANK.data }
        : { at: input.at, rank: input.step === 'started' ? START_RANK.startEvent : START_RANK.otherEvent };

    let row = find.get(input.printerId, input.jobKey);
    const created = !row;
    // Read once: this event adds at most one mark, and that one is appended below.
    const marks = row ? marksOf.all(row.id) : [];
    const before = row ? dailyContribution(facts(row, marks)) : new Map<number, DailyDelta>();

    if (!row) row = insert.get({ ...input, startedAt: start.at, startRank: start.rank })!;
    const betterStart = start.rank > row.start_rank || (start.rank === row.start_rank && start.at < row.started_at);
    const moved = betterStart && start.at !== row.started_at;
    const previousBefore = moved ? previousOf(row) : undefined;
    let terminal = row.terminal;
    let terminalAt = row.terminal_at;
    let endedAt = row.ended_at;
    if (input.step === 'done' || input.step === 'failed' || input.step === 'cancelled') {
      if (terminalAt === null || input.at >= terminalAt) {
        terminal = input.step;
        terminalAt = input.at;
        endedAt = input.dataEndedAt ?? input.at;
      }
    }
    // The row as updateFacts leaves it (the columns refresh reads).
    const current: SessionRow = {
      ...row,
      started_at: betterStart ? start.at : row.started_at,
      start_rank: betterStart ? start.rank : row.start_rank,
      estimate_ms: input.estimateMs ?? row.estimate_ms,
      last_at: Math.max(row.last_at, input.at),
      terminal,
      terminal_at: terminalAt,
      ended_at: endedAt,
    };
    if (moved) moveStart.run(current.started_at, row.id);
    updateFacts.run(input.jobId, input.jobUid, input.file, current.start_rank, input.estimateMs, input.at, terminal, terminalAt, endedAt, row.id);
    const mark: Mark | null = input.step === 'paused' ? { at: input.at, kind: 'pause' } : input.step === 'resumed' ? { at: input.at, kind: 'resume' } : null;
    // OR IGNORE: a mark already stored (a re-sent pause) is not a second one.
    if (mark && insertMark.run(row.id, mark.at, mark.kind).changes > 0) marks.push(mark);

    refresh(current, marks, before);
    // The sessions just before this one (before and after its start moved) may have gained or lost
    // their "next job", which is what closes a lost session. Nothing else can change that.
    if (!created && !moved) return;
    const previousAfter = previousOf(current);
    const neighbours = new Map<number, SessionRow>();
    for (const neighbour of [previousBefore, previousAfter]) if (neighbour) neighbours.set(neighbour.id, neighbour);
    for (const id of neighbours.keys()) {
      const neighbour = byId.get(id)!;
      const neighbourMarks = marksOf.all(id);
      refresh(neighbour, neighbourMarks, dailyContribution(facts(neighbour, neighbourMarks)));
    }
  };
}
