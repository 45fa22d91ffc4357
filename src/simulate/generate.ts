// Simulates a SimplyPrint print farm: N printers over D days ending at `end`, deterministic from the
// seed. Returns the deliveries in event-time order (as SimplyPrint would send them, minus the ones it
// "lost") and the truth they encode, from which truth.ts computes the figures FarmHook must report.
import { describeEvent } from '../shared/events.js';
import { makePrinters, type SimPrinter } from './farm.js';
import { printerTimeline, type SimDelivery, type TrueSession } from './printer-timeline.js';
import { Random } from './random.js';

export interface SimulationOptions {
  printers: number;
  days: number;
  seed?: number;
  /** Unix ms the simulated period ends at (default: now). */
  end?: number;
  webhookId?: number;
  /** Share of job endings SimplyPrint never delivers (default 0). */
  dropEndingRate?: number;
  /** The farm's offset from UTC in minutes (default 180, Moscow). */
  tzOffset?: number;
}

export interface FinalPrinterState {
  jobState: 'printing' | 'paused' | 'finished' | 'failed' | 'idle';
  outOfOrder: boolean;
  maintenance: boolean;
  file: string | null;
}

export interface SimulationTruth {
  start: number;
  end: number;
  printers: { id: string; name: string }[];
  sessions: TrueSession[];
  queue: { kind: string; at: number }[];
  /** Every posted delivery's event time and category. */
  deliveries: { at: number; category: string }[];
  /** Each printer's state after the last delivery. */
  finalStates: Map<string, FinalPrinterState>;
}

export interface Simulation {
  printers: SimPrinter[];
  deliveries: SimDelivery[];
  truth: SimulationTruth;
}

const DAY = 86_400_000;

export function normaliseOptions(options: SimulationOptions) {
  const end = Math.floor((options.end ?? Date.now()) / 1000) * 1000;
  return {
    printers: options.printers,
    start: end - options.days * DAY,
    end,
    seed: options.seed ?? 1,
    webhookId: options.webhookId ?? 4217,
    dropEndingRate: options.dropEndingRate ?? 0,
    tzOffset: options.tzOffset ?? 180,
  };
}

/** One printer at a time: what bulk loaders use, so a million deliveries never sit in memory at once. */
export function* simulatePrinters(options: SimulationOptions) {
  const o = normaliseOptions(options);
  const root = new Random(o.seed);
  const printers = makePrinters(o.printers, root.fork(0));
  for (const [index, printer] of printers.entries()) {
    yield { printer, ...printerTimeline(printer, index, root.fork(index + 1), o) };
  }
}

const JOB_STATE_AFTER: Record<string, FinalPrinterState['jobState']> = {
  'job.started': 'printing',
  'job.resumed': 'printing',
  'job.paused': 'paused',
  'job.done': 'finished',
  'job.failed': 'failed',
  'job.cancelled': 'idle',
  'job.bed_cleared': 'idle',
};

function finalState(deliveries: readonly SimDelivery[]): FinalPrinterState {
  const state: FinalPrinterState = { jobState: 'idle', outOfOrder: false, maintenance: false, file: null };
  for (const { body } of deliveries) {
    const next = JOB_STATE_AFTER[body.event];
    if (next) {
      state.jobState = next;
      state.file = String((body.data.job as { file: string }).file);
    }
    if (body.event === 'printer.out_of_order_state_changed') state.outOfOrder = body.data.out_of_order === true;
    if (body.event === 'maintenance.job_started') state.maintenance = true;
    if (body.event === 'maintenance.job_completed') state.maintenance = false;
  }
  return state;
}

export function simulateFarm(options: SimulationOptions): Simulation {
  const o = normaliseOptions(options);
  const printers: SimPrinter[] = [];
  const deliveries: SimDelivery[] = [];
  const truth: SimulationTruth = {
    start: o.start,
    end: o.end,
    printers: [],
    sessions: [],
    queue: [],
    deliveries: [],
    finalStates: new Map(),
  };
  for (const timeline of simulatePrinters(options)) {
    const posted = timeline.deliveries.filter((d) => !d.dropped);
    printers.push(timeline.printer);
    truth.printers.push({ id: String(timeline.printer.id), name: timeline.printer.name });
    truth.sessions.push(...timeline.sessions);
    truth.queue.push(...timeline.queue);
    truth.finalStates.set(String(timeline.printer.id), finalState(posted));
    deliveries.push(...posted);
  }
  deliveries.sort((a, b) => a.at - b.at);
  truth.deliveries = deliveries.map((d) => ({ at: d.at, category: describeEvent(d.body.event).category }));
  return { printers, deliveries, truth };
}
