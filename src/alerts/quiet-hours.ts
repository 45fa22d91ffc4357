// Whether notifications are held back right now: quiet hours (a nightly window in local time, which
// may run past midnight) and "pause alerts". Only notifications are affected; alerts are still kept.
import type { AlertSettings, QuietHours } from '../shared/alerts.js';

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** `minuteOfDay`: local minutes since midnight (0-1439); the caller knows the time zone. */
export function inQuietHours(quiet: QuietHours, minuteOfDay: number): boolean {
  if (!quiet.enabled) return false;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

export function isPaused(settings: Pick<AlertSettings, 'pausedUntil'>, now: number): boolean {
  return settings.pausedUntil !== null && Date.parse(settings.pausedUntil) > now;
}

/** Local minutes since midnight of `now` in this process's time zone. */
export const localMinuteOfDay = (now: number): number => {
  const date = new Date(now);
  return date.getHours() * 60 + date.getMinutes();
};

export type Hold = 'quiet_hours' | 'paused' | null;

/** Why notifications are held back at `now`, or null when they may be shown. */
export function notificationHold(settings: Pick<AlertSettings, 'pausedUntil' | 'quietHours'>, now: number, minuteOfDay: number): Hold {
  if (isPaused(settings, now)) return 'paused';
  if (inQuietHours(settings.quietHours, minuteOfDay)) return 'quiet_hours';
  return null;
}
