// When FarmHook ran, and the gaps between runs: SimplyPrint does not document retries, so a delivery
// sent while nothing listened is most likely lost, and the technician should know when that was.
// A run's row is written at start, its `last_alive_at` refreshed every minute, and `stopped_at` set
// at a clean stop; after a crash the last heartbeat bounds when it stopped.
import type { DowntimeGap, DowntimeReport } from '../shared/setup.js';
import type { Db } from '../store/database.js';

export const HEARTBEAT_MS = 60_000;
/** Gaps older than this are not reported (the rows are kept small by pruning too). */
const KEEP_MS = 90 * 24 * 3_600_000;

interface RunRow {
  id: number;
  started_at: number;
  last_alive_at: number;
  stopped_at: number | null;
}

export class RunRecorder {
  private runId: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  start(): void {
    if (this.runId !== null) return;
    const at = this.now();
    this.db.prepare('DELETE FROM runs WHERE started_at < ?').run(at - KEEP_MS);
    this.runId = Number(this.db.prepare('INSERT INTO runs (started_at, last_alive_at) VALUES (?, ?)').run(at, at).lastInsertRowid);
    this.timer = setInterval(() => this.heartbeat(), this.heartbeatMs);
    this.timer.unref();
  }

  heartbeat(): void {
    if (this.runId === null) return;
    this.db.prepare('UPDATE runs SET last_alive_at = ? WHERE id = ?').run(this.now(), this.runId);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.runId === null) return;
    const at = this.now();
    this.db.prepare('UPDATE runs SET last_alive_at = ?, stopped_at = ? WHERE id = ?').run(at, at, this.runId);
    this.runId = null;
  }

  report(limit = 50): DowntimeReport {
    const rows = this.db.prepare('SELECT id, started_at, last_alive_at, stopped_at FROM runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit + 1) as RunRow[];
    const gaps: DowntimeGap[] = [];
    for (let i = 0; i + 1 < rows.length; i++) {
      const next = rows[i]!;
      const previous = rows[i + 1]!;
      const from = previous.stopped_at ?? previous.last_alive_at;
      if (next.started_at <= from) continue;
      gaps.push({
        from: new Date(from).toISOString(),
        to: new Date(next.started_at).toISOString(),
        durationMs: next.started_at - from,
        unclean: previous.stopped_at === null,
      });
    }
    const current = this.runId === null ? null : rows.find((row) => row.id === this.runId);
    return { runningSince: current ? new Date(current.started_at).toISOString() : null, gaps };
  }
}
