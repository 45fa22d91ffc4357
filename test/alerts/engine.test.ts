// The alert engine as pure functions: every rule, flapping, resolving, acknowledging, settings.
import { describe, expect, it } from 'vitest';
import { applyHealth, applyIngestError, applyRefusal, applyTick, PRINTING_FORGOTTEN_MS } from '../../src/alerts/condition-rules.js';
import { acknowledge, changeSettings, initialState, RENOTIFY_MS, SETTLE_MS, type EngineState, type Step } from '../../src/alerts/engine.js';
import { applyEvent, type AlertEvent } from '../../src/alerts/event-rules.js';
import { applySettingsUpdate, defaultAlertSettings } from '../../src/alerts/settings.js';
import type { AlertSettingsUpdate } from '../../src/shared/alerts.js';
import type { HealthCheck } from '../../src/shared/schemas.js';

const T0 = Date.parse('2025-03-01T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

let nextEventId = 1;
function ev(event: string, fields: Partial<AlertEvent> = {}): AlertEvent {
  return {
    id: String(nextEventId++),
    event,
    at: T0,
    printerId: '7',
    printerName: 'Prusa-07',
    file: 'benchy.gcode',
    subjectId: null,
    outOfOrder: null,
    detail: null,
    ...fields,
  };
}

function fresh(update: AlertSettingsUpdate = {}): EngineState {
  return initialState(applySettingsUpdate(defaultAlertSettings(), update));
}

/** Runs steps in order, collecting every change. */
function run(state: EngineState, ...steps: ((s: EngineState) => Step)[]) {
  const changes: Step['changes'] = [];
  for (const step of steps) {
    const result = step(state);
    state = result.state;
    changes.push(...result.changes);
  }
  return { state, changes, open: [...state.open.values()] };
}

const check = (id: string, status: HealthCheck['status'], finding = `${id} is ${status}`): HealthCheck => ({
  id,
  status,
  title: id,
  finding,
  action: null,
  checkedAt: new Date(T0).toISOString(),
});

describe('event rules', () => {
  it('a failed print raises one warning alert naming printer and file', () => {
    const { changes, open } = run(fresh(), (s) => applyEvent(s, ev('job.failed'), T0));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'raised', notify: true });
    expect(open[0]).toMatchObject({ rule: 'job.failed', key: 'job.failed:7', severity: 'warning', count: 1, printerName: 'Prusa-07', file: 'benchy.gcode' });
    expect(open[0]!.title).toContain('Prusa-07');
    expect(open[0]!.message).toContain('benchy.gcode');
  });

  it('repeated failures on one printer are one alert with a count; they notify again only after an hour', () => {
    const { changes, open } = run(
      fresh(),
      (s) => applyEvent(s, ev('job.failed'), T0),
      (s) => applyEvent(s, ev('job.failed'), T0 + 10 * MIN),
      (s) => applyEvent(s, ev('job.failed'), T0 + RENOTIFY_MS + 1),
    );
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ count: 3, firstSeenAt: T0, lastSeenAt: T0 + RENOTIFY_MS + 1 });
    expect(changes.map((c) => [c.kind, c.notify])).toEqual([
      ['raised', true],
      ['repeated', false],
      ['repeated', true],
    ]);
  });

  it('failures on two printers are two alerts', () => {
    const { open } = run(fresh(), (s) => applyEvent(s, ev('job.failed'), T0), (s) => applyEvent(s, ev('job.failed', { printerId: '8', printerName: 'MK4-08' }), T0));
    expect(open.map((a) => a.key).sort()).toEqual(['job.failed:7', 'job.failed:8']);
    expect(new Set(open.map((a) => a.id)).size).toBe(2);
  });

  it('a finished print on the printer resolves its failure quietly (an incident needs no all-clear)', () => {
    const { changes, open } = run(fresh(), (s) => applyEvent(s, ev('job.failed'), T0), (s) => applyEvent(s, ev('job.done'), T0 + HOUR));
    expect(open).toHaveLength(0);
    expect(changes[1]).toMatchObject({ kind: 'resolved', notify: false, alert: { resolution: 'cleared', resolvedAt: T0 + HOUR } });
  });

  it('AI failure: critical, with the failure type, resolved by a false-positive report', () => {
    const detected = ev('printer.ai_failure_detected', { detail: 'spaghetti (92%)' });
    const { changes, open } = run(fresh(), (s) => applyEvent(s, detected, T0));
    expect(open[0]).toMatchObject({ rule: 'printer.ai_failure', severity: 'critical' });
    expect(open[0]!.message).toContain('spaghetti (92%)');
    const after = applyEvent(run(fresh(), (s) => applyEvent(s, detected, T0)).state, ev('printer.ai_failure_false_positive'), T0 + MIN);
    expect(after.state.open.size).toBe(0);
    expect(changes[0]!.notify).toBe(true);
  });

  it('out of order: raised by the state change, resolved (with a notice) when the printer is back', () => {
    const { changes, open } = run(
      fresh(),
      (s) => applyEvent(s, ev('printer.out_of_order_state_changed', { outOfOrder: true }), T0),
      (s) => applyEvent(s, ev('printer.out_of_order_state_changed', { outOfOrder: null }), T0 + MIN),
    );
    expect(open).toHaveLength(1);
    expect(open[0]!.title).toBe('Prusa-07 is out of order');
    const back = applyEvent(run(fresh(), (s) => applyEvent(s, ev('printer.out_of_order_state_changed', { outOfOrder: true }), T0)).state, ev('printer.out_of_order_state_changed', { outOfOrder: false }), T0 + HOUR);
    expect(back.state.open.size).toBe(0);
    expect(back.changes[0]).toMatchObject({ kind: 'resolved', notify: true });
    expect(changes).toHaveLength(1);
  });

  it('maintenance overdue is keyed by the maintenance job and resolved when that job completes', () => {
    const { open, state } = run(
      fresh(),
      (s) => applyEvent(s, ev('maintenance.job_overdue', { subjectId: '31', detail: 'Lubricate rods' }), T0),
      (s) => applyEvent(s, ev('maintenance.job_overdue', { subjectId: '32' }), T0),
      (s) => applyEvent(s, ev('maintenance.job_overdue', { subjectId: '31', detail: 'Lubricate rods' }), T0 + HOUR),
    );
    expect(open.map((a) => [a.key, a.count])).toEqual([
      ['maintenance.overdue:id:31', 2],
      ['maintenance.overdue:id:32', 1],
    ]);
    expect(open[0]!.message).toContain('Lubricate rods');
    const done = applyEvent(state, ev('maintenance.job_completed', { subjectId: '31' }), T0 + 2 * HOUR);
    expect([...done.state.open.keys()]).toEqual(['maintenance.overdue:id:32']);
  });

  it('a reported problem stays open until problem_resolved for the same problem', () => {
    const { state, open } = run(fresh(), (s) => applyEvent(s, ev('maintenance.problem_reported', { subjectId: '5', detail: 'Nozzle clog: extruder clicks' }), T0));
    expect(open[0]).toMatchObject({ rule: 'maintenance.problem', key: 'maintenance.problem:id:5' });
    expect(open[0]!.message).toContain('Nozzle clog');
    expect(applyEvent(state, ev('maintenance.problem_resolved', { subjectId: '6' }), T0).state.open.size).toBe(1);
    expect(applyEvent(state, ev('maintenance.problem_resolved', { subjectId: '5' }), T0).state.open.size).toBe(0);
  });

  it('queue approval and cancelled prints are off by default and work when switched on', () => {
    expect(run(fresh(), (s) => applyEvent(s, ev('queue.item_pending_approval', { subjectId: '99' }), T0)).open).toHaveLength(0);
    expect(run(fresh(), (s) => applyEvent(s, ev('job.cancelled'), T0)).open).toHaveLength(0);

    const on = fresh({ rules: { 'queue.pending_approval': { enabled: true }, 'job.cancelled': { enabled: true } } });
    const queued = run(on, (s) => applyEvent(s, ev('queue.item_pending_approval', { subjectId: '99', file: 'part.3mf' }), T0));
    expect(queued.open[0]).toMatchObject({ key: 'queue.pending_approval:99', severity: 'info' });
    expect(applyEvent(queued.state, ev('queue.item_approved', { subjectId: '99' }), T0).state.open.size).toBe(0);

    const cancelled = run(on, (s) => applyEvent(s, ev('job.cancelled'), T0));
    expect(cancelled.open[0]).toMatchObject({ rule: 'job.cancelled' });
    expect(applyEvent(cancelled.state, ev('job.started'), T0 + MIN).state.open.size).toBe(0);
  });

  it('a disabled rule raises nothing', () => {
    expect(run(fresh({ rules: { 'job.failed': { enabled: false } } }), (s) => applyEvent(s, ev('job.failed'), T0)).open).toHaveLength(0);
  });

  it('the configured severity is used', () => {
    const { open } = run(fresh({ rules: { 'job.failed': { severity: 'critical' } } }), (s) => applyEvent(s, ev('job.failed'), T0));
    expect(open[0]!.severity).toBe('critical');
  });
});

describe('no deliveries while printing', () => {
  const printing = (s: EngineState) => applyEvent(s, ev('job.started'), T0);

  it('raises after N hours of silence while a printer is printing, and resolves at the next delivery', () => {
    const { changes, state } = run(fresh(), printing, (s) => applyTick(s, T0 + 5 * HOUR), (s) => applyTick(s, T0 + 6 * HOUR + MIN));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'raised', notify: true, alert: { rule: 'deliveries.silent', severity: 'critical' } });
    expect(changes[0]!.alert.message).toContain('1 printer was printing');
    const delivered = applyEvent(state, ev('job.done'), T0 + 7 * HOUR);
    expect(delivered.state.open.size).toBe(0);
    expect(delivered.changes.find((c) => c.alert.rule === 'deliveries.silent')).toMatchObject({ kind: 'resolved', notify: true });
  });

  it('silence while the farm is idle is not an alert', () => {
    const { open } = run(fresh(), (s) => applyEvent(s, ev('job.started'), T0), (s) => applyEvent(s, ev('job.done'), T0 + MIN), (s) => applyTick(s, T0 + 48 * HOUR));
    expect(open).toHaveLength(0);
  });

  it('a paused print is not printing; a resumed one is again', () => {
    const paused = run(fresh(), printing, (s) => applyEvent(s, ev('job.paused'), T0 + MIN), (s) => applyTick(s, T0 + 8 * HOUR));
    expect(paused.open).toHaveLength(0);
    const resumed = run(paused.state, (s) => applyEvent(s, ev('job.resumed'), T0 + 8 * HOUR), (s) => applyTick(s, T0 + 15 * HOUR));
    expect(resumed.open.map((a) => a.rule)).toEqual(['deliveries.silent']);
  });

  it('honours the configured number of hours', () => {
    const { open } = run(fresh({ noDeliveryHours: 1 }), printing, (s) => applyTick(s, T0 + HOUR + MIN));
    expect(open).toHaveLength(1);
  });

  it('forgets a print whose end never arrived after three days', () => {
    const { open } = run(fresh(), printing, (s) => applyTick(s, T0 + PRINTING_FORGOTTEN_MS + MIN));
    expect(open).toHaveLength(0);
  });
});

describe('wrong secret', () => {
  const refuse = (at: number, reason: 'wrong_secret' | 'missing_secret' = 'wrong_secret') => (s: EngineState) =>
    applyRefusal(s, { at, reason, remoteAddress: '203.0.113.5' }, at);

  it('raises once refusals pile up to the threshold within the window, as one alert', () => {
    const steps = Array.from({ length: 8 }, (_, i) => refuse(T0 + i * MIN));
    const { changes, open } = run(fresh(), ...steps);
    expect(open).toHaveLength(1);
    expect(changes).toHaveLength(1);
    expect(open[0]!.title).toBe('SimplyPrint is sending a secret that does not match');
    expect(open[0]!.message).toContain('203.0.113.5');
    expect(open[0]!.message).toContain('5 deliveries');
  });

  it('spread-out refusals never reach the threshold', () => {
    const steps = Array.from({ length: 10 }, (_, i) => refuse(T0 + i * 20 * MIN));
    expect(run(fresh(), ...steps).open).toHaveLength(0);
  });

  it('resolves after the window passes without refusals and the condition settles', () => {
    const pile = run(fresh(), ...Array.from({ length: 5 }, (_, i) => refuse(T0 + i * 1000)));
    const { open, changes } = run(pile.state, (s) => applyTick(s, T0 + 16 * MIN), (s) => applyTick(s, T0 + 16 * MIN + SETTLE_MS));
    expect(open).toHaveLength(0);
    expect(changes.at(-1)).toMatchObject({ kind: 'resolved', notify: true });
  });
});

describe('conditions from health checks: flapping and settling', () => {
  const disk = (status: HealthCheck['status']) => (s: EngineState, at: number) => applyHealth(s, [check('storage.disk', status, '0.1 GiB free')], at);

  it('a flapping condition is one alert with a count, and notifies once', () => {
    const bad = disk('problem');
    const ok = disk('ok');
    const { changes, open } = run(
      fresh(),
      (s) => bad(s, T0),
      (s) => ok(s, T0 + MIN),
      (s) => bad(s, T0 + 2 * MIN),
      (s) => ok(s, T0 + 3 * MIN),
      (s) => bad(s, T0 + 4 * MIN),
      (s) => bad(s, T0 + 5 * MIN),
    );
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ rule: 'storage.disk', count: 3, severity: 'critical' });
    expect(changes.filter((c) => c.notify)).toHaveLength(1);
  });

  it('resolves only after staying clear for the settle time, with a notice', () => {
    const { changes, open } = run(
      fresh(),
      (s) => disk('problem')(s, T0),
      (s) => disk('ok')(s, T0 + MIN),
      (s) => applyTick(s, T0 + MIN + SETTLE_MS - 1),
    );
    expect(open).toHaveLength(1);
    const settled = applyTick(run(fresh(), (s) => disk('problem')(s, T0), (s) => disk('ok')(s, T0 + MIN)).state, T0 + MIN + SETTLE_MS);
    expect(settled.state.open.size).toBe(0);
    expect(settled.changes[0]).toMatchObject({ kind: 'resolved', notify: true });
    expect(changes.filter((c) => c.kind === 'resolved')).toHaveLength(0);
  });

  it('a low-disk warning is at most a warning; a problem takes the rule severity', () => {
    expect(run(fresh(), (s) => disk('warning')(s, T0)).open[0]!.severity).toBe('warning');
    expect(run(fresh(), (s) => disk('problem')(s, T0)).open[0]!.severity).toBe('critical');
  });

  it('unknown checks change nothing', () => {
    const { state } = run(fresh(), (s) => disk('problem')(s, T0));
    expect(disk('unknown')(state, T0 + MIN).changes).toHaveLength(0);
  });

  it('receiver not listening is raised and cleared at once when it listens', () => {
    const { open, state } = run(fresh(), (s) => applyHealth(s, [check('receiver.listening', 'problem', 'Port 13000 is in use by another program.')], T0));
    expect(open[0]).toMatchObject({ rule: 'receiver.not_listening', severity: 'critical' });
    expect(open[0]!.message).toContain('Port 13000 is in use');
    expect(applyHealth(state, [check('receiver.listening', 'ok')], T0 + MIN).state.open.size).toBe(0);
  });

  it("raises an alert while SimplyPrint's webhook points elsewhere, until the check is ok again", () => {
    const stale = check('simplyprint.webhook', 'problem', 'The webhook posts to https://old.trycloudflare.com/…, not the current public URL.');
    const { open, state } = run(fresh(), (s) => applyHealth(s, [stale], T0));
    expect(open[0]).toMatchObject({ rule: 'simplyprint.webhook', severity: 'critical' });
    expect(open[0]!.message).toContain('old.trycloudflare.com');
    // Without an API key the check cannot tell (unknown), and a warning is not a mismatch: neither clears it.
    expect(applyHealth(state, [check('simplyprint.webhook', 'unknown')], T0 + MIN).state.open.size).toBe(1);
    expect(applyHealth(state, [check('simplyprint.webhook', 'warning')], T0 + MIN).state.open.size).toBe(1);
    const fixed = applyHealth(state, [check('simplyprint.webhook', 'ok')], T0 + MIN);
    expect(applyTick(fixed.state, T0 + MIN + SETTLE_MS).state.open.size).toBe(0);
  });

  it('database errors: a failed integrity check and a failed commit are separate alerts of one rule', () => {
    const { open, state } = run(
      fresh(),
      (s) => applyHealth(s, [check('database.integrity', 'problem', 'The database integrity check failed: page 3.')], T0),
      (s) => applyIngestError(s, 'SQLITE_FULL: database or disk is full', T0),
    );
    expect(open.map((a) => [a.rule, a.key])).toEqual([
      ['database.error', 'database.error:integrity'],
      ['database.error', 'database.error:ingest'],
    ]);
    // The next stored event proves commits work again.
    expect([...applyEvent(state, ev('job.started'), T0 + MIN).state.open.keys()]).toEqual(['database.error:integrity']);
  });
});

describe('acknowledging and settings', () => {
  it('acknowledging an incident ends it; acknowledging a condition keeps it open, quietly', () => {
    const { state } = run(
      fresh(),
      (s) => applyEvent(s, ev('job.failed'), T0),
      (s) => applyHealth(s, [check('storage.disk', 'problem')], T0),
    );
    const failed = state.open.get('job.failed:7')!;
    const diskAlert = state.open.get('storage.disk')!;
    const ackFailed = acknowledge(state, failed.id, T0 + MIN)!;
    expect(ackFailed.changes[0]).toMatchObject({ kind: 'acknowledged', notify: false, alert: { resolution: 'acknowledged', resolvedAt: T0 + MIN } });
    expect(ackFailed.state.open.has('job.failed:7')).toBe(false);

    const ackDisk = acknowledge(ackFailed.state, diskAlert.id, T0 + MIN)!;
    expect(ackDisk.state.open.get('storage.disk')).toMatchObject({ acknowledgedAt: T0 + MIN, resolvedAt: null });
    expect(acknowledge(ackDisk.state, 12345, T0)).toBeNull();
  });

  it('an acknowledged state that comes back notifies again at once', () => {
    const { state } = run(fresh(), (s) => applyEvent(s, ev('maintenance.problem_reported', { subjectId: '5' }), T0));
    const acked = acknowledge(state, state.open.get('maintenance.problem:id:5')!.id, T0 + MIN)!;
    const again = applyEvent(acked.state, ev('maintenance.problem_reported', { subjectId: '5' }), T0 + 2 * MIN);
    expect(again.changes[0]).toMatchObject({ kind: 'repeated', notify: true, alert: { count: 2, acknowledgedAt: null } });
  });

  it('switching a rule off resolves its open alerts without a notification; a severity change applies to open ones', () => {
    const { state } = run(fresh(), (s) => applyEvent(s, ev('job.failed'), T0), (s) => applyEvent(s, ev('printer.out_of_order_state_changed', { outOfOrder: true }), T0));
    const next = applySettingsUpdate(state.settings, { rules: { 'job.failed': { enabled: false }, 'printer.out_of_order': { severity: 'critical' } } });
    const step = changeSettings(state, next, T0 + MIN);
    expect(step.changes.map((c) => [c.kind, c.alert.rule, c.notify, c.alert.resolution])).toEqual([
      ['resolved', 'job.failed', false, 'rule_disabled'],
      ['updated', 'printer.out_of_order', false, null],
    ]);
    expect(step.state.open.get('printer.out_of_order:7')!.severity).toBe('critical');
  });

  it('ids keep counting past alerts loaded from the database', () => {
    const base = fresh();
    const loaded = run(base, (s) => applyEvent(s, ev('job.failed'), T0)).open[0]!;
    const restarted = initialState(base.settings, [{ ...loaded, id: 41 }], 30);
    const { open } = run(restarted, (s) => applyEvent(s, ev('job.failed', { printerId: '9' }), T0));
    expect(open.map((a) => a.id).sort()).toEqual([41, 42]);
  });
});
