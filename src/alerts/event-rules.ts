// The event-driven rules: a stored SimplyPrint event raises, repeats or resolves alerts, keeps the
// "which printers are printing" picture the silence rule needs, and is itself proof of delivery.
import { Transition, type EngineState, type Step } from './engine.js';
import { SILENCE_KEY, INGEST_ERROR_KEY } from './condition-rules.js';

/** A stored event, reduced to what the rules read (see event-input.ts for where each comes from). */
export interface AlertEvent {
  id: string;
  event: string;
  /** When FarmHook stored it, Unix ms. */
  at: number;
  printerId: string | null;
  printerName: string | null;
  file: string | null;
  /** The maintenance job, the reported problem or the queue item the event is about. */
  subjectId: string | null;
  /** printer.out_of_order_state_changed: the new state, when readable. */
  outOfOrder: boolean | null;
  /** A short description: the AI's failure type, the problem reported, the maintenance title. */
  detail: string | null;
}

const PRINTING_STARTS = new Set(['job.started', 'job.resumed']);
const PRINTING_ENDS = new Set(['job.paused', 'job.done', 'job.failed', 'job.cancelled']);
const MAINTENANCE_ENDS = new Set(['maintenance.job_completed', 'maintenance.job_cancelled', 'maintenance.job_deleted']);
const QUEUE_ENDS = new Set(['queue.item_approved', 'queue.item_denied', 'queue.delete_item']);

export const printerLabel = (e: Pick<AlertEvent, 'printerName' | 'printerId'>): string =>
  e.printerName ?? (e.printerId ? `printer ${e.printerId}` : 'a printer');

const printerKey = (e: AlertEvent) => e.printerId ?? e.printerName ?? 'unknown';
const subjectKey = (e: AlertEvent) => (e.subjectId ? `id:${e.subjectId}` : `printer:${printerKey(e)}`);
const fileText = (e: AlertEvent) => (e.file ? `“${e.file}”` : 'The print');

export function applyEvent(state: EngineState, e: AlertEvent, now: number): Step {
  const t = new Transition(state, now);
  const where = { printerId: e.printerId, printerName: e.printerName, file: e.file, eventId: e.id };
  const printer = printerLabel(e);
  const p = printerKey(e);

  switch (e.event) {
    case 'job.failed':
      t.raise({ rule: 'job.failed', key: `job.failed:${p}`, title: `Print failed on ${printer}`, message: `${fileText(e)} failed on ${printer}.`, ...where });
      break;
    case 'job.cancelled':
      t.raise({ rule: 'job.cancelled', key: `job.cancelled:${p}`, title: `Print cancelled on ${printer}`, message: `${fileText(e)} was cancelled on ${printer}.`, ...where });
      break;
    case 'job.started':
      t.resolve(`job.cancelled:${p}`);
      break;
    case 'job.done':
      // The printer printed fine again: its failure incidents are over.
      for (const rule of ['job.failed', 'printer.ai_failure', 'job.cancelled']) t.resolve(`${rule}:${p}`);
      break;
    case 'printer.ai_failure_detected':
      t.raise({
        rule: 'printer.ai_failure',
        key: `printer.ai_failure:${p}`,
        title: `AI detected a failure on ${printer}`,
        message: `SimplyPrint's AI reports ${e.detail ?? 'a failure'} while printing ${e.file ? `“${e.file}”` : 'on this printer'}. Check the printer.`,
        ...where,
      });
      break;
    case 'printer.ai_failure_false_positive':
      t.resolve(`printer.ai_failure:${p}`);
      break;
    case 'printer.out_of_order_state_changed':
      if (e.outOfOrder === true) {
        t.raise({ rule: 'printer.out_of_order', key: `printer.out_of_order:${p}`, title: `${capitalise(printer)} is out of order`, message: `${capitalise(printer)} was marked out of order in SimplyPrint.`, ...where });
      } else if (e.outOfOrder === false) {
        t.resolve(`printer.out_of_order:${p}`);
      }
      break;
    case 'maintenance.job_overdue':
      t.raise({
        rule: 'maintenance.overdue',
        key: `maintenance.overdue:${subjectKey(e)}`,
        title: `Maintenance overdue on ${printer}`,
        message: `${e.detail ? `“${e.detail}”` : 'A maintenance job'} on ${printer} is overdue.`,
        ...where,
      });
      break;
    case 'maintenance.problem_reported':
      t.raise({
        rule: 'maintenance.problem',
        key: `maintenance.problem:${subjectKey(e)}`,
        title: `Problem reported on ${printer}`,
        message: e.detail ? `Reported on ${printer}: ${e.detail}` : `A problem was reported on ${printer}.`,
        ...where,
      });
      break;
    case 'maintenance.problem_resolved':
      t.resolve(`maintenance.problem:${subjectKey(e)}`);
      break;
    case 'queue.item_pending_approval':
      t.raise({
        rule: 'queue.pending_approval',
        key: `queue.pending_approval:${e.subjectId ?? e.id}`,
        title: 'A queue item waits for approval',
        message: `${e.file ? `“${e.file}”` : 'An item'} was added to the queue and needs approval in SimplyPrint.`,
        ...where,
      });
      break;
    default:
      if (MAINTENANCE_ENDS.has(e.event)) t.resolve(`maintenance.overdue:${subjectKey(e)}`);
      else if (QUEUE_ENDS.has(e.event) && e.subjectId) t.resolve(`queue.pending_approval:${e.subjectId}`);
  }

  // Any stored event proves deliveries arrive and the database commits.
  t.clear(SILENCE_KEY, 0);
  t.clear(INGEST_ERROR_KEY, 0);

  return t.finish({ printing: nextPrinting(state.printing, e), lastDeliveryAt: Math.max(state.lastDeliveryAt ?? 0, e.at) });
}

function nextPrinting(printing: ReadonlyMap<string, number>, e: AlertEvent): ReadonlyMap<string, number> {
  if (e.printerId === null) return printing;
  const starts = PRINTING_STARTS.has(e.event);
  const ends = PRINTING_ENDS.has(e.event) || (e.event === 'printer.out_of_order_state_changed' && e.outOfOrder === true);
  if (!starts && !ends) return printing;
  const next = new Map(printing);
  if (starts) next.set(e.printerId, e.event === 'job.resumed' ? (printing.get(e.printerId) ?? e.at) : e.at);
  else next.delete(e.printerId);
  return next;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
