// From a stored event (as pushed) and, for the few events whose alert needs it, its parsed body, to
// the AlertEvent the rules read. Every body field is optional: SimplyPrint documents few of them.
import type { EventItem } from '../shared/schemas.js';
import type { AlertEvent } from './event-rules.js';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

const idOf = (value: unknown): string | null =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length > 0) ? String(value) : null;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null);

/** Events whose alert reads the body (an id to key it by, a state, a description). */
export const NEEDS_PAYLOAD = new Set([
  'printer.out_of_order_state_changed',
  'printer.ai_failure_detected',
  'maintenance.job_overdue',
  'maintenance.job_completed',
  'maintenance.job_cancelled',
  'maintenance.job_deleted',
  'maintenance.problem_reported',
  'maintenance.problem_resolved',
  'queue.item_pending_approval',
  'queue.item_approved',
  'queue.item_denied',
  'queue.delete_item',
]);

export function toAlertEvent(item: EventItem, payload: unknown = null): AlertEvent {
  const data = asObject(asObject(payload)?.data) ?? {};
  const base: AlertEvent = {
    id: item.id,
    event: item.event,
    at: Date.parse(item.receivedAt),
    printerId: item.printerId,
    printerName: item.printerName,
    file: item.jobFile ?? item.queueFile,
    subjectId: null,
    outOfOrder: null,
    detail: null,
  };
  if (item.event.startsWith('maintenance.job_')) {
    const job = asObject(data.job);
    return {
      ...base,
      subjectId: idOf(job?.id),
      detail: text(job?.title),
      printerId: base.printerId ?? idOf(job?.printer_id),
      printerName: base.printerName ?? text(job?.printer_name),
    };
  }
  if (item.event.startsWith('maintenance.problem_')) {
    const problem = asObject(data.problem);
    const type = text(asObject(problem?.problem_type)?.name);
    const description = text(problem?.description);
    return {
      ...base,
      subjectId: idOf(problem?.id),
      detail: [type, description].filter(Boolean).join(': ') || null,
      printerId: base.printerId ?? idOf(problem?.printer_id),
      printerName: base.printerName ?? text(problem?.printer_name),
    };
  }
  if (item.event.startsWith('queue.')) return { ...base, subjectId: idOf(asObject(data.queue_item)?.id) };
  if (item.event === 'printer.out_of_order_state_changed') return { ...base, outOfOrder: outOfOrder(data) };
  if (item.event === 'printer.ai_failure_detected') return { ...base, detail: aiFailure(data.failures) };
  return base;
}

const truthy = (value: unknown): boolean | null => {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return null;
};

/**
 * SimplyPrint does not document this event's data. Looked for, as the statistics room does:
 * `data.out_of_order`, `data.printer.out_of_order`, `data.outOfOrder`, then `data.state` /
 * `data.new_state` ("out_of_order" or a boolean). Null when unreadable: no alert either way.
 */
function outOfOrder(data: Json): boolean | null {
  for (const value of [data.out_of_order, asObject(data.printer)?.out_of_order, data.outOfOrder]) {
    const flag = truthy(value);
    if (flag !== null) return flag;
  }
  for (const value of [data.state, data.new_state]) {
    if (typeof value === 'string') return value === 'out_of_order';
    const flag = truthy(value);
    if (flag !== null) return flag;
  }
  return null;
}

/** `failures: [{type: "spaghetti", confidence: 0.92}]` → "spaghetti (92%)". */
function aiFailure(failures: unknown): string | null {
  if (!Array.isArray(failures)) return null;
  const parts = failures.slice(0, 3).flatMap((failure) => {
    const f = asObject(failure);
    const type = text(f?.type);
    if (!type) return [];
    const confidence = typeof f?.confidence === 'number' ? ` (${Math.round(f.confidence * 100)}%)` : '';
    return [`${type}${confidence}`];
  });
  return parts.length > 0 ? parts.join(', ') : null;
}
