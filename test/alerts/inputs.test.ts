// What the rules read from a stored event's body, the quiet-hours window, and stored settings.
import { describe, expect, it } from 'vitest';
import { toAlertEvent } from '../../src/alerts/event-input.js';
import { inQuietHours, notificationHold } from '../../src/alerts/quiet-hours.js';
import { defaultAlertSettings, settingsFromStored } from '../../src/alerts/settings.js';
import type { EventItem } from '../../src/shared/schemas.js';

const item = (event: string, fields: Partial<EventItem> = {}): EventItem => ({
  id: '10',
  receivedAt: '2025-03-01T12:00:00.000Z',
  timestamp: null,
  event,
  category: 'maintenance',
  label: event,
  known: true,
  canonical: null,
  webhookId: null,
  printerId: null,
  printerName: null,
  jobId: null,
  jobUid: null,
  jobFile: null,
  jobState: null,
  userName: null,
  queueFile: null,
  duplicates: 0,
  ...fields,
});

describe('alert inputs from event bodies', () => {
  it('maintenance jobs: id, title and printer from data.job', () => {
    const e = toAlertEvent(item('maintenance.job_overdue'), { data: { job: { id: 31, title: 'Lubricate rods', printer_id: 56, printer_name: 'MK4-3' } } });
    expect(e).toMatchObject({ subjectId: '31', detail: 'Lubricate rods', printerId: '56', printerName: 'MK4-3', at: Date.parse('2025-03-01T12:00:00Z') });
  });

  it('problems: id, type and description', () => {
    const e = toAlertEvent(item('maintenance.problem_reported'), {
      data: { problem: { id: 5, printer_id: 56, problem_type: { id: 1, name: 'Nozzle clog' }, description: 'Extruder clicks' } },
    });
    expect(e).toMatchObject({ subjectId: '5', detail: 'Nozzle clog: Extruder clicks', printerId: '56' });
  });

  it('queue items by data.queue_item.id; the file from the queue column', () => {
    expect(toAlertEvent(item('queue.item_pending_approval', { category: 'queue', queueFile: 'part.3mf' }), { data: { queue_item: { id: 99 } } })).toMatchObject({ subjectId: '99', file: 'part.3mf' });
  });

  it('out-of-order state in the undocumented shapes; unreadable stays null', () => {
    const ooo = (data: unknown) => toAlertEvent(item('printer.out_of_order_state_changed', { category: 'printer' }), { data }).outOfOrder;
    expect(ooo({ out_of_order: true })).toBe(true);
    expect(ooo({ printer: { out_of_order: 0 } })).toBe(false);
    expect(ooo({ state: 'out_of_order' })).toBe(true);
    expect(ooo({ new_state: 'operational' })).toBe(false);
    expect(ooo({ something: 'else' })).toBeNull();
  });

  it('AI failures as "type (confidence%)"', () => {
    const e = toAlertEvent(item('printer.ai_failure_detected', { category: 'printer' }), { data: { failures: [{ type: 'spaghetti', confidence: 0.92 }, { type: 'blob' }] } });
    expect(e.detail).toBe('spaghetti (92%), blob');
  });

  it('bodies without the fields leave them empty', () => {
    expect(toAlertEvent(item('maintenance.problem_reported'), null)).toMatchObject({ subjectId: null, detail: null });
    expect(toAlertEvent(item('maintenance.job_overdue'), { data: 'not an object' })).toMatchObject({ subjectId: null });
  });
});

describe('quiet hours and pause', () => {
  const quiet = { enabled: true, start: '22:00', end: '07:00' };
  it('spans midnight; same start and end means none', () => {
    expect([21 * 60 + 59, 22 * 60, 0, 6 * 60 + 59, 7 * 60].map((m) => inQuietHours(quiet, m))).toEqual([false, true, true, true, false]);
    expect(inQuietHours({ enabled: true, start: '08:00', end: '08:00' }, 8 * 60)).toBe(false);
  });
  it('a pause wins over quiet hours, and ends', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const settings = { quietHours: quiet, pausedUntil: new Date(now + 1000).toISOString() };
    expect(notificationHold(settings, now, 23 * 60)).toBe('paused');
    expect(notificationHold(settings, now + 1000, 23 * 60)).toBe('quiet_hours');
    expect(notificationHold(settings, now + 1000, 12 * 60)).toBeNull();
  });
});

describe('stored settings', () => {
  it('fills what an older version did not store and drops what is invalid', () => {
    const stored = { rules: { 'job.failed': { enabled: false, severity: 'loud' } }, noDeliveryHours: -3, quietHours: { enabled: true, start: '7pm' }, pausedUntil: 'soon' };
    const settings = settingsFromStored(stored);
    const defaults = defaultAlertSettings();
    expect(settings.rules['job.failed']).toEqual({ enabled: false, severity: 'warning' });
    expect(settings.rules['storage.disk']).toEqual(defaults.rules['storage.disk']);
    expect(settings.noDeliveryHours).toBe(6);
    expect(settings.quietHours).toEqual({ enabled: true, start: '22:00', end: '07:00' });
    expect(settings.pausedUntil).toBeNull();
    expect(settingsFromStored('garbage')).toEqual(defaults);
  });
});
