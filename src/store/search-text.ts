// What free-text search looks through, and how text is compared. The full-text index (trigram, case-
// and diacritic-insensitive) and the scan of rows it has not reached yet must agree on both, so
// both come from here.
import { describeEvent } from '../shared/events.js';

/** The searchable columns of an `events` row. */
export interface SearchableRow {
  event: string;
  printer_name: string | null;
  job_file: string | null;
  user_name: string | null;
  queue_file: string | null;
}

/** The names people remember, and the event's label in both languages, one per line. */
export function searchTextOf(row: SearchableRow): string {
  const { label } = describeEvent(row.event);
  return [row.event, label.en, label.ru, row.printer_name, row.job_file, row.user_name, row.queue_file]
    .filter((part) => part !== null && part !== '')
    .join('\n');
}

/**
 * Lower case, and Latin letters without their diacritics, as the trigram tokenizer compares with
 * `remove_diacritics 1` ("café" finds "Cafe"; Cyrillic "й" stays itself, as it does in SQLite).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').toLowerCase();
}

/** The phrase query the full-text index gets for what the operator typed. */
export const ftsPhrase = (text: string) => `"${text.replaceAll('"', '""')}"`;
