// The tray as a pure function: state in → icon, tooltip and menu out.
import { describe, expect, it } from 'vitest';
import { trayModel, TOOLTIP_MAX, type TrayInput } from '../../electron/tray-model.js';
import type { Alert } from '../../src/shared/alerts.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);

function alert(fields: Partial<Alert> = {}): Alert {
  return {
    id: '1',
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
    ...fields,
  };
}

const input = (fields: Partial<TrayInput> = {}): TrayInput => ({
  now: NOW,
  openAlerts: [],
  printing: 3,
  lastDeliveryAt: NOW - 2 * 60_000,
  receiverListening: true,
  pausedUntil: null,
  startAtLogin: false,
  webhookUrl: 'http://192.168.1.20:13000/api/v1/simplyprint/webhook',
  theme: 'light',
  formatTime: time,
  ...fields,
});

describe('tray model', () => {
  it('all quiet: ok icon and a summary tooltip', () => {
    const model = trayModel(input());
    expect(model.icon).toBe('ok');
    expect(model.iconFile).toBe('tray-ok-light.png');
    expect(model.tooltip).toBe('FarmHook · 3 printing · last delivery 2 min ago');
    expect(trayModel(input({ lastDeliveryAt: null, printing: 0 })).tooltip).toBe('FarmHook · 0 printing · no deliveries yet');
  });

  it('an unacknowledged warning: attention, the tooltip names the top alert', () => {
    const model = trayModel(input({ openAlerts: [alert(), alert({ id: '2', title: 'Maintenance overdue on MK4', rule: 'maintenance.overdue' })] }));
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('FarmHook: Print failed on Prusa-07 (+1 more)');
  });

  it('a critical alert or a receiver that is down: problem', () => {
    expect(trayModel(input({ openAlerts: [alert({ severity: 'critical' })] })).icon).toBe('problem');
    const down = trayModel(input({ receiverListening: false }));
    expect(down.icon).toBe('problem');
    expect(down.tooltip).toBe('FarmHook: the receiver is not listening');
  });

  it('an acknowledged critical condition stays a problem; an acknowledged state is quiet', () => {
    const disk = alert({ rule: 'storage.disk', key: 'storage.disk', severity: 'critical', title: 'The disk is almost full', acknowledgedAt: new Date(NOW).toISOString() });
    expect(trayModel(input({ openAlerts: [disk] })).icon).toBe('problem');
    const outOfOrder = alert({ rule: 'printer.out_of_order', severity: 'critical', acknowledgedAt: new Date(NOW).toISOString() });
    expect(trayModel(input({ openAlerts: [outOfOrder] })).icon).toBe('ok');
  });

  it('paused: paused icon over attention (a problem still shows), the menu offers to resume', () => {
    const pausedUntil = NOW + 60 * 60_000;
    const model = trayModel(input({ pausedUntil, openAlerts: [alert()], theme: 'dark' }));
    expect(model.icon).toBe('paused');
    expect(model.iconFile).toBe('tray-paused-dark.png');
    expect(model.tooltip).toContain('alerts paused until 13:00');
    expect(model.menu.find((item) => item.kind !== 'separator' && item.id === 'resume')).toMatchObject({ label: 'Resume alerts (paused until 13:00)', action: { type: 'resume' } });
    expect(trayModel(input({ pausedUntil, receiverListening: false })).icon).toBe('problem');
    expect(trayModel(input({ pausedUntil: NOW - 1 })).icon).toBe('ok');
  });

  it('menu: open, copy URL, recent alerts opening their event, pause, start at login, quit', () => {
    const model = trayModel(input({ startAtLogin: true, openAlerts: [alert({ count: 3 }), alert({ id: '2', eventId: null, title: 'No deliveries for 6 h while printing' })] }));
    const items = model.menu.filter((item) => item.kind !== 'separator');
    expect(items.map((item) => item.label)).toEqual([
      'Open FarmHook',
      'Copy webhook URL',
      '⚠ Print failed on Prusa-07 (3×)',
      '⚠ No deliveries for 6 h while printing',
      'Pause alerts for 1 hour',
      'Start at login',
      'Export diagnostics…',
      'Quit FarmHook',
    ]);
    expect(items[2]).toMatchObject({ action: { type: 'open', hash: '#/events/42' } });
    expect(items[3]).toMatchObject({ action: { type: 'open', hash: '#/overview' } });
    expect(items[4]).toMatchObject({ action: { type: 'pause', minutes: 60 } });
    expect(items[5]).toMatchObject({ kind: 'checkbox', checked: true });
    expect(trayModel(input({ webhookUrl: null })).menu.find((item) => item.kind === 'item' && item.id === 'copy-webhook-url')).toMatchObject({ enabled: false });
    expect(trayModel(input()).menu.find((item) => item.kind === 'item' && item.id === 'no-alerts')).toMatchObject({ enabled: false });
  });

  it('shows five alerts at most, then a link to all', () => {
    const many = Array.from({ length: 8 }, (_, i) => alert({ id: String(i + 1) }));
    const ids = trayModel(input({ openAlerts: many })).menu.flatMap((item) => (item.kind === 'item' ? [item.id] : []));
    expect(ids.filter((id) => id.startsWith('alert-'))).toHaveLength(5);
    expect(ids).toContain('more-alerts');
  });

  it('keeps the tooltip within what Windows shows', () => {
    const long = alert({ title: `Print failed on ${'a very long printer name '.repeat(10)}` });
    expect(trayModel(input({ openAlerts: [long] })).tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
  });
});
