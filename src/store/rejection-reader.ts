// Reads the bounded log of refused deliveries, newest first.
import type { PageQuery, RejectionItem, RejectionPage, RejectionReason } from '../shared/schemas.js';
import type { Db } from './database.js';
import { DEFAULT_PAGE, MAX_PAGE, QueryError } from './event-query.js';

interface RejectionRow {
  id: number;
  received_at: number;
  reason: string;
  status: number;
  message: string;
  remote_address: string | null;
  method: string;
  path: string;
  headers: string;
  body_size: number;
  body_sample: Buffer;
}

function toItem(row: RejectionRow): RejectionItem {
  return {
    id: String(row.id),
    receivedAt: new Date(row.received_at).toISOString(),
    reason: row.reason as RejectionReason,
    status: row.status,
    message: row.message,
    remoteAddress: row.remote_address,
    method: row.method,
    path: row.path,
    headers: JSON.parse(row.headers) as Record<string, string>,
    bodySize: row.body_size,
    // Invalid UTF-8 is one reason bodies are refused: show replacement characters, never throw.
    bodySample: row.body_sample.toString('utf8'),
  };
}

export function createRejectionReader(db: Db) {
  const page = db.prepare<[number, number], RejectionRow>(
    'SELECT * FROM rejections WHERE id < ? ORDER BY id DESC LIMIT ?',
  );
  return {
    list(query: PageQuery): RejectionPage {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
      if (query.cursor !== undefined && !/^\d{1,15}$/.test(query.cursor)) {
        throw new QueryError('"cursor" is not a cursor this API returned.');
      }
      const before = query.cursor ? Number(query.cursor) : Number.MAX_SAFE_INTEGER;
      const items = page.all(before, limit).map(toItem);
      const last = items.at(-1);
      return { items, nextCursor: items.length === limit && last ? last.id : null };
    },
  };
}
