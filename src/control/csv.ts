// CSV for spreadsheets. Payload text is untrusted: a cell that starts like a formula is prefixed with
// an apostrophe so Excel or LibreOffice shows it instead of running it.
import type { EventItem } from '../shared/schemas.js';

export const CSV_COLUMNS = [
  'id', 'receivedAt', 'timestamp', 'event', 'category', 'label', 'printerId', 'printerName', 'jobId', 'jobUid',
  'jobFile', 'jobState', 'userName', 'queueFile', 'webhookId', 'duplicates',
] as const satisfies readonly (keyof EventItem)[];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = () => `${CSV_COLUMNS.join(',')}\r\n`;

export const csvRow = (item: EventItem) => `${CSV_COLUMNS.map((column) => csvCell(item[column])).join(',')}\r\n`;
