// Alert pushes → desktop notifications: what is shown, what quiet hours and a pause hold back.
import { describe, expect, it } from 'vitest';
import { routeNotification, type RoutingContext } from '../../electron/notification-routing.js';
import { defaultAlertSettings } from '../../src/alerts/settings.js';
import type { Alert, AlertChangeKind } from '../../src/shared/alerts.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const alert: Alert = {
  id: '9',
  key: 'job.failed:7',
  rule: 'job.failed',
  severity: 'warning',
  title: 'Print failed on Prusa-07',
  message: '“benchy.gcode” failed on Prusa-07.',
  printerId: '7',
  printerName: 'Prusa-07',
  file: 'benchy.gcode',
  eventId: '42',
  firstSeenAt: new Date(NOW).toISOString(),
  lastSeenAt: new Date(NOW).toISOString(),
  count: 1,
  status: 'open',
  acknowledgedAt: null,
  resolvedAt: null,
  resolution: null,
};
const push = (change: AlertChangeKind, fields: Partial<Alert> = {}, notify = true) => ({ type: 'alert.changed' as const, change, notify, alert: { ...alert, ...fields } });
const context = (fields: Partial<RoutingContext['settings']> = {}, minuteOfDay = 12 * 60): RoutingContext => ({
  settings: { ...defaultAlertSettings(), ...fields },
  now: NOW,
  minuteOfDay,
});

describe('notification routing', () => {
  it('a raised alert is shown naming printer and file; clicking opens its event', () => {
    expect(routeNotification(push('raised'), context())).toEqual({
      show: true,
      title: 'Print failed on Prusa-07',
      body: '“benchy.gcode” failed on Prusa-07.',
      urgency: 'normal',
      hash: '#/events/42',
      alertId: '9',
    });
  });

  it('names printer and file even when the message does not', () => {
    const decision = routeNotification(push('raised', { title: 'AI detected a failure', message: 'Spaghetti.', severity: 'critical' }), context());
    expect(decision).toMatchObject({ show: true, body: 'Spaghetti.\nFile: benchy.gcode\nPrinter: Prusa-07', urgency: 'critical' });
  });

  it('a repeat says how often; a resolution says so; without an event the click opens the overview', () => {
    expect(routeNotification(push('repeated', { count: 4 }), context())).toMatchObject({ show: true, body: expect.stringContaining('Seen 4 times.') });
    expect(routeNotification(push('resolved', { eventId: null, title: 'The receiver is not listening' }), context())).toMatchObject({
      show: true,
      title: 'Resolved: The receiver is not listening',
      urgency: 'low',
      hash: '#/overview',
    });
  });

  it('changes the engine did not mark notable are not shown', () => {
    expect(routeNotification(push('repeated', {}, false), context())).toEqual({ show: false, reason: 'not_notable' });
    expect(routeNotification(push('acknowledged'), context())).toEqual({ show: false, reason: 'not_notable' });
    expect(routeNotification(push('updated'), context())).toEqual({ show: false, reason: 'not_notable' });
  });

  it('a pause holds notifications back until it ends', () => {
    const paused = { pausedUntil: new Date(NOW + 60_000).toISOString() };
    expect(routeNotification(push('raised'), context(paused))).toEqual({ show: false, reason: 'paused' });
    expect(routeNotification(push('raised'), context({ pausedUntil: new Date(NOW - 1).toISOString() }))).toMatchObject({ show: true });
  });

  it('quiet hours across midnight hold notifications back, inside the window only', () => {
    const quiet = { quietHours: { enabled: true, start: '22:00', end: '07:00' } };
    expect(routeNotification(push('raised'), context(quiet, 23 * 60))).toEqual({ show: false, reason: 'quiet_hours' });
    expect(routeNotification(push('raised'), context(quiet, 3 * 60))).toEqual({ show: false, reason: 'quiet_hours' });
    expect(routeNotification(push('raised'), context(quiet, 7 * 60))).toMatchObject({ show: true });
    expect(routeNotification(push('raised'), context(quiet, 21 * 60 + 59))).toMatchObject({ show: true });
    expect(routeNotification(push('raised'), context({ quietHours: { enabled: false, start: '22:00', end: '07:00' } }, 23 * 60))).toMatchObject({ show: true });
    const daytime = { quietHours: { enabled: true, start: '12:00', end: '13:30' } };
    expect(routeNotification(push('raised'), context(daytime, 12 * 60 + 45))).toEqual({ show: false, reason: 'quiet_hours' });
    expect(routeNotification(push('raised'), context(daytime, 13 * 60 + 30))).toMatchObject({ show: true });
  });
});
