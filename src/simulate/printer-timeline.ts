// One printer's life over the simulated period: job after job (queue → start → pauses → done /
// failed / cancelled → bed cleared), with spool changes, maintenance windows and out-of-order spells
// in between. Returns the deliveries SimplyPrint would send and the truth they encode.
import { FILES, USERS, type SimPrinter } from './farm.js';
import { filament, jobData, maintenanceJob, problem, queueItem, shortPrinter, type SimJob } from './payloads.js';
import type { Random } from './random.js';

const MIN = 60_000;
const HOUR = 3_600_000;

export interface SimBody {
  webhook_id: number;
  event: string;
  timestamp: number;
  data: Record<string, unknown>;
}

export interface SimDelivery {
  /** Event time, Unix ms (whole seconds, as SimplyPrint's timestamps are). */
  at: number;
  body: SimBody;
  /** True when SimplyPrint "lost" it: the simulation leaves it out of what is posted. */
  dropped?: boolean;
}

export interface TrueSession {
  printerId: string;
  jobId: string;
  file: string;
  startedAt: number;
  /** Real end (null: still printing at the end of the simulation). */
  endedAt: number | null;
  outcome: 'done' | 'failed' | 'cancelled' | null;
  pauses: [number, number | null][];
  estimateMs: number;
  /** The job.done (or failed/cancelled) delivery was dropped. */
  endingDropped: boolean;
}

export interface TimelineOptions {
  start: number;
  end: number;
  webhookId: number;
  /** Share of terminal deliveries (done/failed/cancelled) SimplyPrint never sends. */
  dropEndingRate: number;
  /** Local offset of the farm in minutes (operators clear beds in working hours). */
  tzOffset: number;
}

export interface PrinterTimeline {
  deliveries: SimDelivery[];
  sessions: TrueSession[];
  queue: { kind: string; at: number }[];
}

const roundSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

export function printerTimeline(printer: SimPrinter, index: number, random: Random, o: TimelineOptions): PrinterTimeline {
  const deliveries: SimDelivery[] = [];
  const sessions: TrueSession[] = [];
  const queue: { kind: string; at: number }[] = [];
  const base = index * 50_000;
  let jobSeq = 0;
  let itemSeq = 0;
  let otherSeq = 0;

  const emit = (at: number, event: string, data: Record<string, unknown>, dropped = false) => {
    at = roundSecond(at);
    if (at < o.start || at >= o.end) return false;
    deliveries.push({ at, body: { webhook_id: o.webhookId, event, timestamp: at / 1000, data }, ...(dropped ? { dropped } : {}) });
    return true;
  };
  const emitQueue = (at: number, event: string, kind: string, data: Record<string, unknown>) => {
    if (emit(at, event, data)) queue.push({ kind, at: roundSecond(at) });
  };
  /** Operators clear beds between 08:00 and 22:00 farm time; AutoPrint starts right after. */
  const nextWorkingMoment = (at: number) => {
    const local = new Date(at + o.tzOffset * MIN);
    const hour = local.getUTCHours();
    if (hour >= 8 && hour < 22) return at + random.between(2 * MIN, 50 * MIN);
    const morning = new Date(local);
    morning.setUTCHours(8, 0, 0, 0);
    if (hour >= 22) morning.setUTCDate(morning.getUTCDate() + 1);
    return morning.getTime() - o.tzOffset * MIN + random.between(0, 70 * MIN);
  };

  let t = roundSecond(o.start + random.between(0, 3 * HOUR));
  let nextSpool = t + random.between(6 * HOUR, 60 * HOUR);
  let nextMaintenance = t + random.between(3 * 24 * HOUR, 14 * 24 * HOUR);
  let nextOutage = t + random.between(4 * 24 * HOUR, 40 * 24 * HOUR);

  while (t < o.end) {
    if (t >= nextSpool) {
      const spool = filament(random, 300_000 + base + ++otherSeq);
      emit(t, 'filament.assigned', {
        filament: spool,
        printer: shortPrinter(printer),
        user: random.pick(USERS),
        replaced_spool: filament(random, 300_000 + base + ++otherSeq),
      });
      t += roundSecond(random.between(2 * MIN, 10 * MIN));
      nextSpool = t + random.between(12 * HOUR, 60 * HOUR);
    }
    if (t >= nextMaintenance) {
      const id = 200_000 + base + ++otherSeq;
      const duration = random.between(40 * MIN, 3 * HOUR);
      emit(t - random.between(HOUR, 20 * HOUR), 'maintenance.job_created', { job: maintenanceJob(id, printer, 'open', t) });
      emit(t, 'maintenance.job_started', { job: maintenanceJob(id, printer, 'in_progress', t) });
      emit(t + duration, 'maintenance.job_completed', { job: maintenanceJob(id, printer, 'completed', t) });
      t = roundSecond(t + duration + random.between(5 * MIN, 30 * MIN));
      nextMaintenance = t + random.between(5 * 24 * HOUR, 14 * 24 * HOUR);
      continue;
    }
    if (t >= nextOutage) {
      const id = 100_000 + base + ++otherSeq;
      const duration = random.between(3 * HOUR, 30 * HOUR);
      emit(t, 'maintenance.problem_reported', { problem: problem(id, printer, null, 'open'), printer: shortPrinter(printer), user: USERS[1] });
      emit(t + 30_000, 'printer.out_of_order_state_changed', { printer: shortPrinter(printer), out_of_order: true });
      emit(t + duration, 'printer.out_of_order_state_changed', { printer: shortPrinter(printer), out_of_order: false });
      emit(t + duration + 60_000, 'maintenance.problem_resolved', { problem: problem(id, printer, null, 'resolved') });
      t = roundSecond(t + duration + random.between(5 * MIN, 40 * MIN));
      nextOutage = t + random.between(10 * 24 * HOUR, 45 * 24 * HOUR);
      continue;
    }

    // A job, usually from the queue (some items wait for approval; a few are denied and never print).
    const user = random.pick(USERS);
    const file = random.pick(FILES);
    if (random.chance(0.8)) {
      const itemId = 5_000_000 + base + ++itemSeq;
      const addedAt = t - random.between(10 * MIN, 8 * HOUR);
      const item = queueItem(itemId, file, user, addedAt, random);
      emitQueue(addedAt, 'queue.add_item', 'added', { queue_item: item, user });
      if (random.chance(0.25)) {
        emitQueue(addedAt + 1000, 'queue.item_pending_approval', 'pendingApproval', { queue_item: item, user });
        emitQueue(addedAt + random.between(MIN, (t - addedAt) * 0.9), 'queue.item_approved', 'approved', {
          queue_item: item,
          approved_by: USERS[0],
        });
      }
    }
    if (random.chance(0.05)) {
      const itemId = 5_000_000 + base + ++itemSeq;
      const addedAt = t - random.between(MIN, 4 * HOUR);
      const item = queueItem(itemId, random.pick(FILES), user, addedAt, random);
      emitQueue(addedAt, 'queue.add_item', 'added', { queue_item: item, user });
      emitQueue(addedAt + 1000, 'queue.item_pending_approval', 'pendingApproval', { queue_item: item, user });
      emitQueue(addedAt + random.between(MIN, HOUR), 'queue.item_denied', 'denied', {
        queue_item: item,
        denied_by: USERS[2],
        reason: 'Слишком большой расход пластика',
        removed: true,
      });
    }
    if (random.chance(0.03)) {
      const itemId = 5_000_000 + base + ++itemSeq;
      const addedAt = t - random.between(MIN, 2 * HOUR);
      const item = queueItem(itemId, random.pick(FILES), user, addedAt, random);
      emitQueue(addedAt, 'queue.add_item', 'added', { queue_item: item, user });
      emitQueue(addedAt + random.between(MIN, 20 * MIN), 'queue.delete_item', 'removed', { queue_item: item, user });
    }

    const estimateS = Math.round(Math.min(20 * 3600, Math.max(15 * 60, random.logNormal(2.5 * 3600, 0.7))));
    const job: SimJob = {
      id: 1_000_000 + base + ++jobSeq,
      uid: random.uuid(),
      file,
      startedAt: t,
      estimateS,
      totalLayers: random.int(60, 2400),
      user,
    };
    const printMs = roundSecond(estimateS * 1000 * random.between(0.93, 1.12));
    const roll = random.next();
    const outcome: TrueSession['outcome'] =
      roll < printer.failRate ? 'failed' : roll < printer.failRate + 0.04 ? 'cancelled' : 'done';
    const printedMs = outcome === 'done' ? printMs : roundSecond(printMs * random.between(0.02, 0.95));

    const session: TrueSession = {
      printerId: String(printer.id),
      jobId: String(job.id),
      file,
      startedAt: t,
      endedAt: null,
      outcome: null,
      pauses: [],
      estimateMs: estimateS * 1000,
      endingDropped: false,
    };
    sessions.push(session);
    emit(t, 'job.started', { job: jobData(job, printer, 'printing', t, { printedMs: 0, ended: false }), user, started_by: user });

    // Walk the print, pausing now and then (filament runout, a look at the first layer).
    let clock = t;
    let printed = 0;
    const pauseAt = random.chance(0.12) ? [random.between(0.05, 0.9), ...(random.chance(0.3) ? [random.between(0.9, 0.98)] : [])] : [];
    for (const fraction of pauseAt) {
      const target = roundSecond(printMs * fraction);
      if (target >= printedMs) break;
      clock += target - printed;
      printed = target;
      if (clock >= o.end) break;
      emit(clock, 'job.paused', { job: jobData(job, printer, 'paused', clock, { printedMs: printed, ended: false }) });
      const pausedFor = roundSecond(random.between(3 * MIN, 45 * MIN));
      const resumeAt = clock + pausedFor;
      session.pauses.push([clock, resumeAt < o.end ? resumeAt : null]);
      clock = resumeAt;
      if (clock >= o.end) break;
      emit(clock, 'job.resumed', { job: jobData(job, printer, 'printing', clock, { printedMs: printed, ended: false }) });
    }
    const endAt = clock + (printedMs - printed);
    if (clock >= o.end || endAt >= o.end) break; // still printing when the simulation ends

    if (outcome === 'failed' && random.chance(0.4)) {
      const seen = roundSecond(endAt - random.between(MIN, 10 * MIN));
      if (seen > clock) {
        emit(seen, 'printer.ai_failure_detected', {
          job: jobData(job, printer, 'printing', seen, { printedMs: printedMs - (endAt - seen), ended: false }),
          image: `https://cdn.simplyprint.io/ai/${job.uid}.jpg`,
          failures: [{ confidence: Math.round(random.between(0.6, 0.99) * 100) / 100, type: 'spaghetti' }],
        });
      }
    }
    session.endedAt = endAt;
    session.outcome = outcome;
    session.endingDropped = random.chance(o.dropEndingRate);
    const event = outcome === 'done' ? 'job.done' : outcome === 'failed' ? 'job.failed' : 'job.cancelled';
    const data: Record<string, unknown> = { job: jobData(job, printer, outcome, endAt, { printedMs, ended: true }) };
    if (outcome === 'cancelled') data.user = random.pick(USERS);
    emit(endAt, event, data, session.endingDropped);
    if (outcome === 'done' && random.chance(0.3)) {
      emit(endAt + 5000, 'filament.update', { filament: filament(random, 300_000 + base + ++otherSeq), user: USERS[0] });
    }

    const cleared = roundSecond(nextWorkingMoment(endAt));
    emit(cleared, 'job.bed_cleared', { job: jobData(job, printer, outcome, endAt, { printedMs, ended: true }), printer: shortPrinter(printer), user: random.pick(USERS) });
    t = roundSecond(cleared + (random.chance(0.15) ? random.between(30 * MIN, 5 * HOUR) : random.between(MIN, 8 * MIN)));
  }

  deliveries.sort((a, b) => a.at - b.at);
  return { deliveries, sessions, queue };
}
