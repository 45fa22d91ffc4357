// Which alert changes become a desktop notification, and with what words and click target. Pure:
// the alert push in, quiet hours and the pause applied, the notification (or why not) out.
import { inQuietHours, isPaused } from '../src/alerts/quiet-hours.js';
import type { AlertSettings } from '../src/shared/alerts.js';
import type { PushEvent } from '../src/shared/push.js';

type AlertPush = Extract<PushEvent, { type: 'alert.changed' }>;

export type NotificationDecision =
  | { show: false; reason: 'not_notable' | 'paused' | 'quiet_hours' }
  | {
      show: true;
      title: string;
      body: string;
      urgency: 'low' | 'normal' | 'critical';
      /** Where clicking it opens the dashboard. */
      hash: string;
      alertId: string;
    };

export interface RoutingContext {
  settings: Pick<AlertSettings, 'pausedUntil' | 'quietHours'>;
  now: number;
  /** Local minutes since midnight at `now`. */
  minuteOfDay: number;
}

const URGENCY = { info: 'low', warning: 'normal', critical: 'critical' } as const;

export function routeNotification(push: AlertPush, context: RoutingContext): NotificationDecision {
  if (!push.notify || (push.change !== 'raised' && push.change !== 'repeated' && push.change !== 'resolved')) {
    return { show: false, reason: 'not_notable' };
  }
  // Held back, not lost: the alert is recorded and shown in the tray and the dashboard.
  if (isPaused(context.settings, context.now)) return { show: false, reason: 'paused' };
  if (inQuietHours(context.settings.quietHours, context.minuteOfDay)) return { show: false, reason: 'quiet_hours' };

  const { alert } = push;
  const lines = [alert.message];
  if (alert.file && !alert.message.includes(alert.file)) lines.push(`File: ${alert.file}`);
  if (alert.printerName && !alert.message.includes(alert.printerName) && !alert.title.includes(alert.printerName)) {
    lines.push(`Printer: ${alert.printerName}`);
  }
  if (push.change === 'repeated') lines.push(`Seen ${alert.count} times.`);
  return {
    show: true,
    title: push.change === 'resolved' ? `Resolved: ${alert.title}` : alert.title,
    body: lines.join('\n'),
    urgency: push.change === 'resolved' ? 'low' : URGENCY[alert.severity],
    hash: alert.eventId ? `#/events/${alert.eventId}` : '#/overview',
    alertId: alert.id,
  };
}
