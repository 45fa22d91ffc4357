// Pulls the columns FarmHook indexes out of a SimplyPrint body. SimplyPrint's shapes differ per event
// (see the catalogue notes): the printer can sit in five places, a maintenance job is not a print job,
// and old third-party payloads use string ids. Every field is optional; ids are kept as strings.
import { describeEvent } from '../shared/events.js';
import type { EventCategory } from '../shared/catalogue.js';

export interface ExtractedFields {
  event: string;
  category: EventCategory;
  /** SimplyPrint's timestamp, Unix seconds, as sent. */
  timestamp: number | null;
  webhookId: string | null;
  printerId: string | null;
  printerName: string | null;
  jobId: string | null;
  jobUid: string | null;
  jobFile: string | null;
  jobState: string | null;
  userName: string | null;
  queueFile: string | null;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** A scalar id or name as a string; anything else (objects, empty strings) is absent. */
function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function first(...values: unknown[]): string | null {
  for (const value of values) {
    const text = asText(value);
    if (text !== null) return text;
  }
  return null;
}

/** SimplyPrint users have first/last names only (no `name`); older payloads may carry `name`. */
function displayName(user: unknown): string | null {
  const u = asObject(user);
  if (!u) return typeof user === 'string' && user.length > 0 ? user : null;
  const full = [asText(u.first_name), asText(u.last_name)].filter((part) => part !== null).join(' ');
  return full.length > 0 ? full : asText(u.name);
}

function integerTimestamp(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

export function extractFields(body: Json): ExtractedFields {
  const event = body.event as string;
  const { category } = describeEvent(event);
  const data = asObject(body.data) ?? {};
  const job = asObject(data.job);
  const printer = asObject(data.printer);
  const problem = asObject(data.problem);
  const queueItem = asObject(data.queue_item);
  // In maintenance.job_* events `data.job` is a maintenance job: its printer fields count, but
  // its id, title and status are not a print job's and must not land in the job columns.
  const printJob = category === 'maintenance' ? undefined : job;
  const jobPrinter = asObject(job?.printer);

  return {
    event,
    category,
    timestamp: integerTimestamp(body.timestamp),
    webhookId: asText(body.webhook_id),
    printerId: first(printer?.id, jobPrinter?.id, job?.printer_id, problem?.printer_id, data.printer_id),
    printerName: first(printer?.name, jobPrinter?.name, job?.printer_name, problem?.printer_name, data.printer_name),
    jobId: first(printJob?.id, problem?.print_job_id),
    jobUid: first(printJob?.uid),
    jobFile: first(printJob?.file, printJob?.filename),
    jobState: first(printJob?.state),
    userName: displayName(data.user ?? data.started_by ?? data.approved_by ?? data.denied_by ?? queueItem?.user),
    queueFile: first(queueItem?.filename),
  };
}
