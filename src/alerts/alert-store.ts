// Alerts in SQLite (tables from the alerts-0001 migration): the open ones are loaded at start, every
// change is written as it happens, resolved ones stay as history, pages go newest first by id.
import type { AlertPage, AlertQuery, AlertSettings } from '../shared/alerts.js';
import type { Db } from '../store/database.js';
import { toAlert, type AlertRecord } from './record.js';
import { settingsFromStored } from './settings.js';

interface Row {
  id: number;
  key: string;
  rule: AlertRecord['rule'];
  severity: AlertRecord['severity'];
  title: string;
  message: string;
  printer_id: string | null;
  printer_name: string | null;
  file: string | null;
  event_id: string | null;
  first_seen_at: number;
  last_seen_at: number;
  count: number;
  notified_at: number | null;
  clearing_since: number | null;
  acknowledged_at: number | null;
  resolved_at: number | null;
  resolution: AlertRecord['resolution'];
}

const fromRow = (r: Row): AlertRecord => ({
  id: r.id,
  key: r.key,
  rule: r.rule,
  severity: r.severity,
  title: r.title,
  message: r.message,
  printerId: r.printer_id,
  printerName: r.printer_name,
  file: r.file,
  eventId: r.event_id,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  count: r.count,
  notifiedAt: r.notified_at,
  clearingSince: r.clearing_since,
  acknowledgedAt: r.acknowledged_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
});

/** Resolved alerts kept as history; older ones are pruned at start. */
export const HISTORY_LIMIT = 5000;

export function createAlertStore(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO alerts (id, key, rule, severity, title, message, printer_id, printer_name, file, event_id, first_seen_at,
      last_seen_at, count, notified_at, clearing_since, acknowledged_at, resolved_at, resolution)
    VALUES (@id, @key, @rule, @severity, @title, @message, @printerId, @printerName, @file, @eventId, @firstSeenAt,
      @lastSeenAt, @count, @notifiedAt, @clearingSince, @acknowledgedAt, @resolvedAt, @resolution)
    ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, title = excluded.title, message = excluded.message,
      printer_id = excluded.printer_id, printer_name = excluded.printer_name, file = excluded.file, event_id = excluded.event_id,
      last_seen_at = excluded.last_seen_at, count = excluded.count, notified_at = excluded.notified_at,
      clearing_since = excluded.clearing_since, acknowledged_at = excluded.acknowledged_at, resolved_at = excluded.resolved_at,
      resolution = excluded.resolution`);
  const openRows = db.prepare<[], Row>('SELECT * FROM alerts WHERE resolved_at IS NULL ORDER BY id');
  const maxId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM alerts');
  const byId = db.prepare<[number], Row>('SELECT * FROM alerts WHERE id = ?');
  const readSettings = db.prepare<[], { value: string }>('SELECT value FROM alert_settings WHERE id = 1');
  const writeSettings = db.prepare('INSERT INTO alert_settings (id, value) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value');
  const prune = db.prepare(`DELETE FROM alerts WHERE resolved_at IS NOT NULL AND id <= (
    SELECT id FROM alerts WHERE resolved_at IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET ?)`);
  const pages = {
    open: 'resolved_at IS NULL',
    resolved: 'resolved_at IS NOT NULL',
    all: '1',
  } as const;
  const pageStatements = new Map(
    Object.entries(pages).map(([status, where]) => [
      status,
      db.prepare<[number, number], Row>(`SELECT * FROM alerts WHERE ${where} AND id < ? ORDER BY id DESC LIMIT ?`),
    ]),
  );
  const saveAll = db.transaction((records: readonly AlertRecord[]) => {
    for (const record of records) upsert.run(record);
  });

  return {
    loadOpen: (): AlertRecord[] => openRows.all().map(fromRow),
    nextId: (): number => (maxId.get()?.id ?? 0) + 1,
    get: (id: number): AlertRecord | null => {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    /** One transaction per engine step: an alert never half-changes. */
    save(records: readonly AlertRecord[]): void {
      // Deferred is safe here: the first statement writes, so no stale read can be upgraded (and
      // IMMEDIATE would also lock the attached search file).
      if (records.length > 0) saveAll(records);
    },
    list(query: AlertQuery): AlertPage {
      const limit = query.limit ?? 100;
      const before = query.cursor ? Number(query.cursor) : Number.MAX_SAFE_INTEGER;
      const rows = pageStatements.get(query.status ?? 'all')!.all(before, limit + 1);
      const items = rows.slice(0, limit).map((row) => toAlert(fromRow(row)));
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },
    loadSettings(): AlertSettings {
      const row = readSettings.get();
      if (!row) return settingsFromStored(null);
      try {
        return settingsFromStored(JSON.parse(row.value));
      } catch {
        return settingsFromStored(null);
      }
    },
    saveSettings(settings: AlertSettings): void {
      writeSettings.run(JSON.stringify(settings));
    },
    pruneHistory(keep = HISTORY_LIMIT): number {
      return prune.run(keep).changes;
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
