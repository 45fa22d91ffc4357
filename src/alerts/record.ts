// An alert as the engine keeps it (times in Unix ms) and its JSON form for the API.
import type { Alert, AlertResolution, AlertRuleId, AlertSeverity } from '../shared/alerts.js';

export interface AlertRecord {
  id: number;
  key: string;
  rule: AlertRuleId;
  severity: AlertSeverity;
  title: string;
  message: string;
  printerId: string | null;
  printerName: string | null;
  file: string | null;
  eventId: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  count: number;
  /** When a human was last told (before quiet hours or a pause held the notification back). */
  notifiedAt: number | null;
  /** A condition seen clear since then; it resolves once it stays clear long enough. */
  clearingSince: number | null;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  resolution: AlertResolution | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toAlert(record: AlertRecord): Alert {
  return {
    id: String(record.id),
    key: record.key,
    rule: record.rule,
    severity: record.severity,
    title: record.title,
    message: record.message,
    printerId: record.printerId,
    printerName: record.printerName,
    file: record.file,
    eventId: record.eventId,
    firstSeenAt: iso(record.firstSeenAt)!,
    lastSeenAt: iso(record.lastSeenAt)!,
    count: record.count,
    status: record.resolvedAt === null ? 'open' : 'resolved',
    acknowledgedAt: iso(record.acknowledgedAt),
    resolvedAt: iso(record.resolvedAt),
    resolution: record.resolution,
  };
}
