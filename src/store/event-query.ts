// Builds the SQL for one page of the event log from the filters. Newest first, keyset paging on id.
// Time bounds are turned into id bounds (received_at never decreases as ids grow: the ingest queue
// guarantees it), so every filter stays an index range scan, whatever the table's size.
import type { EventQuery } from '../shared/schemas.js';
import { INDEXED_UPTO, SEARCH_MATCH_FUNCTION, SEARCH_SCHEMA } from './search-index.js';
import { ftsPhrase } from './search-text.js';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;
/** Trigram search needs three characters; shorter text falls back to a substring scan. */
const MIN_FTS_CHARS = 3;

export class QueryError extends Error {}

/**
 * The first id received at or after a time: one step down the received_at index (received_at
 * grows with id, so the first index entry holds the smallest id). `min(id) … WHERE received_at >= ?`
 * would read every entry after that time instead. No such event: past every id.
 */
export const FIRST_ID_AT_OR_AFTER = 'coalesce((SELECT id FROM events WHERE received_at >= ? ORDER BY received_at, id LIMIT 1), 9e18)';

/** ISO-8601 or Unix milliseconds. */
export function parseTime(value: string, name: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new QueryError(`"${name}" must be an ISO-8601 date or Unix milliseconds.`);
  return ms;
}

function parseCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) throw new QueryError('"cursor" is not a cursor this API returned.');
  return Number(cursor);
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

export interface BuiltQuery {
  sql: string;
  params: unknown[];
  limit: number;
}

export const EVENT_COLUMNS = `e.id, e.received_at, e.event, e.category, e.event_ts, e.webhook_id, e.printer_id,
  e.printer_name, e.job_id, e.job_uid, e.job_file, e.job_state, e.user_name, e.queue_file, e.duplicates`;

export function buildEventQuery(query: EventQuery): BuiltQuery {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const where: string[] = [];
  const params: unknown[] = [];

  if (query.cursor) {
    where.push('e.id < ?');
    params.push(parseCursor(query.cursor));
  }
  if (query.event) {
    const names = list(query.event);
    where.push(`e.event IN (${names.map(() => '?').join(', ')})`);
    params.push(...names);
  }
  if (query.category) {
    const categories = list(query.category);
    where.push(`e.category IN (${categories.map(() => '?').join(', ')})`);
    params.push(...categories);
  }
  if (query.printer) {
    where.push('e.printer_id = ?');
    params.push(query.printer);
  }
  if (query.job) {
    where.push('(e.job_id = ? OR e.job_uid = ?)');
    params.push(query.job, query.job);
  }
  if (query.from) {
    where.push(`e.id >= ${FIRST_ID_AT_OR_AFTER}`);
    params.push(parseTime(query.from, 'from'));
  }
  if (query.to) {
    where.push(`e.id < ${FIRST_ID_AT_OR_AFTER}`);
    params.push(parseTime(query.to, 'to'));
  }

  const text = query.q?.trim() ?? '';
  if (text.length >= MIN_FTS_CHARS) {
    // The index part is driven from the full-text index in rowid order, so paging stays keyset even
    // when most rows match; the rows the index has not reached yet (search-index.ts) are compared
    // one by one. Each part brings at most a page, newest first, and the two are merged.
    const indexed = [`f.events_fts MATCH ?`, `f.rowid <= ${INDEXED_UPTO}`, ...where.map((w) => w.replace('e.id <', 'f.rowid <'))];
    const unindexed = [`e.id > ${INDEXED_UPTO}`, `${SEARCH_MATCH_FUNCTION}(e.event, e.printer_name, e.job_file, e.user_name, e.queue_file, ?) = 1`, ...where];
    return {
      sql: `SELECT * FROM (SELECT ${EVENT_COLUMNS} FROM events e WHERE ${unindexed.join(' AND ')} ORDER BY e.id DESC LIMIT ?)
            UNION ALL
            SELECT * FROM (SELECT ${EVENT_COLUMNS} FROM ${SEARCH_SCHEMA}.events_fts f JOIN events e ON e.id = f.rowid
              WHERE ${indexed.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?)
            ORDER BY id DESC LIMIT ?`,
      params: [text, ...params, limit, ftsPhrase(text), ...params, limit, limit],
      limit,
    };
  }
  if (text.length > 0) {
    where.push(`(instr(lower(coalesce(e.printer_name, '') || ' ' || coalesce(e.job_file, '') || ' ' ||
      coalesce(e.user_name, '') || ' ' || coalesce(e.queue_file, '') || ' ' || e.event), lower(?)) > 0)`);
    params.push(text);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { sql: `SELECT ${EVENT_COLUMNS} FROM events e ${clause} ORDER BY e.id DESC LIMIT ?`, params: [...params, limit], limit };
}
