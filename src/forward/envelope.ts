// The JSON FarmHook POSTs to an HTTP destination: a stable envelope that does not change shape when
// SimplyPrint changes its own, plus the original `data` untouched for anything the envelope lacks.
// Built only from the stored event and the delivery id, so every attempt sends the same bytes.
import { describeEvent } from '../shared/events.js';
import type { StoredEvent } from '../store/hooks.js';

export interface Envelope {
  /** The delivery id: the same on every attempt, so receivers can deduplicate. */
  id: string;
  eventId: string | null;
  event: string;
  category: string;
  label: string;
  /** SimplyPrint's Unix timestamp (seconds), as sent. */
  timestamp: number | null;
  /** ISO-8601, when FarmHook stored the delivery. */
  receivedAt: string;
  printer: { id: string | null; name: string | null } | null;
  job: { id: string | null; uid: string | null; file: string | null; state: string | null } | null;
  user: { name: string } | null;
  data: unknown;
}

export function buildEnvelope(deliveryId: string, event: StoredEvent): Envelope {
  const hasPrinter = event.printerId !== null || event.printerName !== null;
  const hasJob = event.jobId !== null || event.jobUid !== null || event.jobFile !== null;
  return {
    id: deliveryId,
    eventId: event.id > 0 ? String(event.id) : null,
    event: event.event,
    category: event.category,
    label: describeEvent(event.event).label.en,
    timestamp: event.timestamp,
    receivedAt: new Date(event.receivedAt).toISOString(),
    printer: hasPrinter ? { id: event.printerId, name: event.printerName } : null,
    job: hasJob ? { id: event.jobId, uid: event.jobUid, file: event.jobFile, state: event.jobState } : null,
    user: event.userName !== null ? { name: event.userName } : null,
    data: event.payload.data ?? {},
  };
}
