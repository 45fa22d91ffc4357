// The SimplyPrint events FarmHook's enabled alert rules listen for (see src/alerts/event-rules.ts
// and condition-rules.ts): a webhook that does not subscribe to them leaves those alerts silent.
import { SIMPLYPRINT_EVENTS } from '../shared/events.js';

const JOB_PROGRESS = ['job.started', 'job.resumed', 'job.paused', 'job.done', 'job.failed', 'job.cancelled'];

export const RULE_EVENTS: Readonly<Record<string, readonly string[]>> = {
  'job.failed': ['job.failed', 'job.done'],
  'job.cancelled': ['job.cancelled', 'job.started'],
  'printer.ai_failure': ['printer.ai_failure_detected', 'printer.ai_failure_false_positive', 'job.done'],
  'printer.out_of_order': ['printer.out_of_order_state_changed'],
  'maintenance.overdue': ['maintenance.job_overdue', 'maintenance.job_completed', 'maintenance.job_cancelled', 'maintenance.job_deleted'],
  'maintenance.problem': ['maintenance.problem_reported', 'maintenance.problem_resolved'],
  'queue.pending_approval': ['queue.item_pending_approval', 'queue.item_approved', 'queue.item_denied', 'queue.delete_item'],
  // "No deliveries while printing" needs to know which printers print.
  'deliveries.silent': JOB_PROGRESS,
};

/** Every event SimplyPrint lets a webhook subscribe to (`test` is sent on request only). */
export const SUBSCRIBABLE_EVENTS: readonly string[] = SIMPLYPRINT_EVENTS.filter((event) => event !== 'test');

/** Events the webhook must carry: those the technician chose, plus those enabled alert rules need. */
export function neededEvents(chosen: readonly string[], enabledRules: readonly string[]): string[] {
  const needed = new Set(chosen);
  for (const rule of enabledRules) for (const event of RULE_EVENTS[rule] ?? []) needed.add(event);
  return [...needed].filter((event) => SUBSCRIBABLE_EVENTS.includes(event)).sort();
}
