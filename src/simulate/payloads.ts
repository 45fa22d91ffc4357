// Builds `data` objects in SimplyPrint's shapes (see the team's SimplyPrint notes): print job, queue
// item, filament, maintenance job and problem. Undocumented shapes (bed cleared, out of order) are
// the plausible minimum: the printer and, where it makes sense, the job.
import { FILAMENTS, USERS, type SimPrinter, type SimUser } from './farm.js';
import type { Random } from './random.js';

export interface SimJob {
  id: number;
  uid: string;
  file: string;
  startedAt: number;
  estimateS: number;
  totalLayers: number;
  user: SimUser;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export const shortPrinter = (p: SimPrinter) => ({ id: p.id, name: p.name });

/** `data.job` at `at`: state, progress and `ended` as SimplyPrint reports them at that moment. */
export function jobData(
  job: SimJob,
  printer: SimPrinter,
  state: string,
  at: number,
  progress: { printedMs: number; ended: boolean },
) {
  const fraction = Math.min(1, progress.printedMs / (job.estimateS * 1000));
  const finished = state === 'done';
  return {
    id: job.id,
    uid: job.uid,
    panel_url: `https://simplyprint.io/panel/print_history/${job.id}`,
    printer_id: printer.id,
    state,
    file: job.file,
    percentage: finished ? 100 : Math.round(fraction * 1000) / 10,
    time_left: finished || progress.ended ? 0 : Math.max(0, Math.round(job.estimateS * (1 - fraction))),
    current_layer: finished ? job.totalLayers : Math.floor(job.totalLayers * fraction),
    analysis: { estimate: job.estimateS, totalLayers: job.totalLayers },
    started: seconds(job.startedAt),
    ended: progress.ended ? seconds(at) : null,
    ai: { enabled: true, failures_detected: 0 },
    autoprint: false,
    printer: { id: printer.id, name: printer.name, group: printer.group },
    cost: Math.round(fraction * job.estimateS * 0.0004 * 100) / 100,
    duration: seconds(progress.printedMs),
    skippedObjects: [],
  };
}

export function queueItem(id: number, file: string, user: SimUser, addedAt: number, random: Random) {
  return {
    id,
    filename: file,
    note: random.chance(0.3) ? 'Срочно к пятнице' : '',
    type: file.endsWith('.3mf') ? '3mf' : 'gcode',
    left: 1,
    printed: 0,
    group: 0,
    added: new Date(addedAt).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    size: random.int(40_000, 9_000_000),
    sort_order: random.int(1, 40),
    user: `${user.first_name} ${user.last_name}`,
    user_id: user.id,
    custom_fields: [],
  };
}

export function filament(random: Random, id: number) {
  const kind = random.pick(FILAMENTS);
  return {
    id,
    uid: random.uuid().slice(0, 8).toUpperCase(),
    type: { id: kind.id, name: kind.name },
    brand: kind.brand,
    colorName: kind.colorName,
    colorHex: kind.colorHex,
    dia: 1.75,
    cost: 24.9,
    left: random.int(50, 1000),
    total: 1000,
  };
}

export function maintenanceJob(id: number, printer: SimPrinter, status: string, scheduledAt: number) {
  return {
    id,
    printer_id: printer.id,
    printer_name: printer.name,
    title: 'Чистка сопла и смазка осей',
    status,
    priority: 'normal',
    scheduled_date: new Date(scheduledAt).toISOString(),
  };
}

export function problem(id: number, printer: SimPrinter, jobId: number | null, status: string) {
  const reporter = USERS[1]!;
  return {
    id,
    printer_id: printer.id,
    printer_name: printer.name,
    problem_type: { id: 3, name: 'Extruder clog' },
    reported_by: { id: reporter.id, name: `${reporter.first_name} ${reporter.last_name}` },
    print_job_id: jobId,
    description: 'Засор экструдера, пропуски слоёв',
    status,
  };
}
