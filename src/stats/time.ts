// Time units of the statistics rollups, and which clock an event is counted on.
import type { StoredEvent } from '../store/hooks.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * When the event happened: SimplyPrint's timestamp (Unix seconds) when it sent a usable one, else
 * when FarmHook received it. Retries and replays then count in the hour they belong to.
 */
export function eventTime(event: Pick<StoredEvent, 'timestamp' | 'receivedAt'>): number {
  return event.timestamp !== null && event.timestamp > 0 ? event.timestamp * 1000 : event.receivedAt;
}

export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);
export const utcHour = (ms: number): number => Math.floor(ms / HOUR_MS);
