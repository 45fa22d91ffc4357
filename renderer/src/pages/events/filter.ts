// The event log's filter as the form holds it, and its two readings: the query sent to the API and
// the test a live event must pass to appear in the open list without a reload.
import type { EventItem, EventQuery } from '../../../../src/shared/schemas.js';

export interface EventFilter {
  category: string;
  event: string;
  printer: string;
  job: string;
  q: string;
  /** `<input type="datetime-local">` values, in the operator's local time. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: EventFilter = { category: '', event: '', printer: '', job: '', q: '', from: '', to: '' };

/** A datetime-local value as ISO-8601 UTC, or undefined when empty or not a date. */
export function localInputToIso(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function filterToQuery(filter: EventFilter, limit = 200): EventQuery {
  const query: EventQuery = { limit };
  const set = (key: 'category' | 'event' | 'printer' | 'job' | 'q', value: string) => {
    const trimmed = value.trim();
    if (trimmed) query[key] = trimmed;
  };
  set('category', filter.category);
  set('event', filter.event);
  set('printer', filter.printer);
  set('job', filter.job);
  set('q', filter.q);
  const from = localInputToIso(filter.from);
  const to = localInputToIso(filter.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

export function isFilterActive(filter: EventFilter): boolean {
  return Object.values(filter).some((value) => value.trim() !== '');
}

const inList = (list: string, value: string) => list.split(',').map((s) => s.trim()).includes(value);

/**
 * Whether a freshly stored event belongs in the list under `filter`. The free-text part mirrors
 * the server's search (every word must prefix-match a word of the file, printer or user name or the
 * label); `labels` are the event's labels in every language, so either language's words match.
 */
export function matchesFilter(item: EventItem, filter: EventFilter, labels: readonly string[] = [item.label]): boolean {
  const category = filter.category.trim();
  const event = filter.event.trim();
  const printer = filter.printer.trim();
  const job = filter.job.trim();
  if (category && !inList(category, item.category)) return false;
  if (event && !inList(event, item.event)) return false;
  if (printer && item.printerId !== printer) return false;
  if (job && item.jobId !== job && item.jobUid !== job) return false;
  const received = Date.parse(item.receivedAt);
  const from = localInputToIso(filter.from);
  const to = localInputToIso(filter.to);
  if (from && received < Date.parse(from)) return false;
  if (to && received >= Date.parse(to)) return false;
  const words = filter.q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [item.jobFile, item.printerName, item.userName, item.queueFile, item.event, ...labels]
    .filter((v): v is string => Boolean(v))
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return words.every((word) => haystack.some((token) => token.startsWith(word)));
}
