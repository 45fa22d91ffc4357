// The statistics room's part of the ingest transaction: every stored event updates the rollups that
// the statistics and printers pages read (see the stats-0001-rollups migration for the tables).
import type { IngestHook, IngestHookRef, StoredEvent } from '../store/hooks.js';
import { jobTimes, outOfOrderValue, queueItemId } from './payload.js';
import { preparePrinterStateRollup } from './printer-state-rollup.js';
import { prepareSessionRollup, type JobEventInput } from './session-rollup.js';
import { eventTime, utcHour } from './time.js';

/** Job events that make up a session's lifecycle, and the step each is. */
const LIFECYCLE: Readonly<Record<string, JobEventInput['step']>> = {
  'job.started': 'started',
  'job.paused': 'paused',
  'job.resumed': 'resumed',
  'job.done': 'done',
  'job.failed': 'failed',
  'job.cancelled': 'cancelled',
};

/** Queue events counted on the statistics page, by the kind stored in stats_queue_events. */
export const QUEUE_KINDS: Readonly<Record<string, string>> = {
  'queue.add_item': 'added',
  'queue.item_pending_approval': 'pendingApproval',
  'queue.item_approved': 'approved',
  'queue.item_denied': 'denied',
  'queue.delete_item': 'removed',
};

/** How the database writer (on its own thread) finds this hook: pass it in the app's hook list. */
export const STATS_HOOK: IngestHookRef = { module: import.meta.url, factory: 'createStatsHook' };

export function createStatsHook(): IngestHook {
  return {
    name: 'stats',
    attach(db) {
      const countDelivery = db.prepare(`
        INSERT INTO stats_deliveries_hourly (hour, category, count) VALUES (?, ?, 1)
        ON CONFLICT (hour, category) DO UPDATE SET count = count + 1`);
      const recordQueue = db.prepare('INSERT OR IGNORE INTO stats_queue_events (kind, item_key, at) VALUES (?, ?, ?)');
      const recordSession = prepareSessionRollup(db);
      const recordPrinter = preparePrinterStateRollup(db);

      return (event: StoredEvent) => {
        const at = eventTime(event);
        countDelivery.run(utcHour(at), event.category);

        const queueKind = QUEUE_KINDS[event.event];
        if (queueKind !== undefined) {
          // Without an item id a repeat cannot be recognised: the event's own id keeps it counted once.
          recordQueue.run(queueKind, queueItemId(event.payload) ?? `event:${event.id}`, at);
        }

        if (event.printerId === null) return;
        const jobKey = event.category === 'job' ? (event.jobId ?? event.jobUid) : null;
        const times = event.category === 'job' ? jobTimes(event.payload) : null;
        const step = LIFECYCLE[event.event];
        if (step !== undefined && jobKey !== null && times !== null) {
          recordSession({
            printerId: event.printerId,
            jobKey,
            jobId: event.jobId,
            jobUid: event.jobUid,
            file: event.jobFile,
            step,
            at,
            dataStartedAt: times.startedAt,
            dataEndedAt: times.endedAt,
            estimateMs: times.estimateMs,
          });
        }
        recordPrinter({
          printerId: event.printerId,
          printerName: event.printerName,
          event: event.event,
          at,
          jobKey,
          jobFile: event.category === 'job' ? event.jobFile : null,
          jobStartedAt: times?.startedAt ?? null,
          outOfOrder: event.event === 'printer.out_of_order_state_changed' ? outOfOrderValue(event.payload) : null,
        });
      };
    },
  };
}
