import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../src/shared/alerts.js';
import { initialOpenAlerts, openAlertsReducer, type OpenAlerts, type OpenAlertsAction } from './alertList.js';

const alert = (id: number, over: Partial<Alert> = {}): Alert => ({
  id: String(id),
  key: `job.failed:${id}`,
  rule: 'job.failed',
  severity: 'warning',
  title: `Print failed on printer ${id}`,
  message: 'x failed',
  printerId: String(id),
  printerName: `P${id}`,
  file: 'a.gcode',
  eventId: '1',
  firstSeenAt: '2025-01-01T10:00:00.000Z',
  lastSeenAt: `2025-01-01T10:0${id}:00.000Z`,
  count: 1,
  status: 'open',
  acknowledgedAt: null,
  resolvedAt: null,
  resolution: null,
  ...over,
});
const run = (actions: OpenAlertsAction[], start: OpenAlerts = initialOpenAlerts) => actions.reduce(openAlertsReducer, start);
const ids = (state: OpenAlerts) => state.items.map((a) => a.id);

describe('the open alerts list', () => {
  it('keeps only open alerts, most severe first, then most recently seen', () => {
    const state = run([{ type: 'loaded', items: [alert(1), alert(2, { severity: 'critical' }), alert(3), alert(4, { status: 'resolved' })] }]);
    expect(ids(state)).toEqual(['2', '3', '1']);
    expect(state.loaded).toBe(true);
  });

  it('adds a raised alert live and moves a repeated one up with its new count', () => {
    const loaded = run([{ type: 'loaded', items: [alert(1), alert(2)] }]);
    const raised = run([{ type: 'changed', alert: alert(5, { severity: 'info' }) }], loaded);
    expect(ids(raised)).toEqual(['2', '1', '5']);
    const repeated = run([{ type: 'changed', alert: alert(1, { count: 2, lastSeenAt: '2025-01-01T11:00:00.000Z' }) }], raised);
    expect(ids(repeated)).toEqual(['1', '2', '5']);
    expect(repeated.items[0]!.count).toBe(2);
  });

  it('drops an alert when it resolves (acknowledged incident or cleared condition)', () => {
    const loaded = run([{ type: 'loaded', items: [alert(1), alert(2)] }]);
    const state = run([{ type: 'changed', alert: alert(1, { status: 'resolved', resolution: 'acknowledged', acknowledgedAt: 'x', resolvedAt: 'x' }) }], loaded);
    expect(ids(state)).toEqual(['2']);
  });

  it('never lets a stale copy bring a resolved alert back or undo a newer state', () => {
    const resolved = run([
      { type: 'loaded', items: [alert(1)] },
      { type: 'changed', alert: alert(1, { status: 'resolved', resolvedAt: 'x' }) },
    ]);
    // A page requested before the resolution, answered after it:
    expect(ids(run([{ type: 'loaded', items: [alert(1)] }], resolved))).toEqual([]);
    expect(ids(run([{ type: 'changed', alert: alert(1) }], resolved))).toEqual([]);
    const newer = run([{ type: 'changed', alert: alert(2, { count: 3 }) }]);
    expect(run([{ type: 'changed', alert: alert(2, { count: 2 }) }], newer).items[0]!.count).toBe(3);
  });

  it('keeps an acknowledged condition open but lists it after the unacknowledged ones', () => {
    const loaded = run([{ type: 'loaded', items: [alert(1, { rule: 'storage.disk', severity: 'critical' }), alert(2)] }]);
    const acked = run([{ type: 'changed', alert: alert(1, { rule: 'storage.disk', severity: 'critical', acknowledgedAt: '2025-01-01T12:00:00.000Z' }) }], loaded);
    expect(ids(acked)).toEqual(['2', '1']);
    expect(acked.items[1]!.acknowledgedAt).not.toBeNull();
    // The same sighting without the acknowledgement (read before it) does not undo it.
    expect(run([{ type: 'changed', alert: alert(1, { rule: 'storage.disk', severity: 'critical' }) }], acked).items[1]!.acknowledgedAt).not.toBeNull();
  });

  it('keeps an alert pushed while a page was being read, when the page predates it', () => {
    const state = run([{ type: 'reloading' }, { type: 'changed', alert: alert(5) }, { type: 'loaded', items: [alert(1)] }]);
    expect(ids(state).sort()).toEqual(['1', '5']);
  });

  it('takes the newer of a pushed and a read copy, and lets a reload drop what is no longer open', () => {
    const before = run([{ type: 'loaded', items: [alert(1), alert(2)] }]);
    const state = run([{ type: 'reloading' }, { type: 'changed', alert: alert(1, { count: 3 }) }, { type: 'loaded', items: [alert(1, { count: 2 })] }], before);
    expect(ids(state)).toEqual(['1']);
    expect(state.items[0]!.count).toBe(3);
  });
});

