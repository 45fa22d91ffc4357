// The alert engine as pure functions: (state, input) → (new state, changes). No clock, no database,
// no timers: the room (room.ts) feeds it events, refusals, health checks and ticks, persists the
// changed alerts and publishes them. That keeps every rule, flapping, resolving and acknowledging
// testable with plain values.
import { ruleInfo, type AlertChangeKind, type AlertRuleId, type AlertSettings, type AlertSeverity } from '../shared/alerts.js';
import type { AlertRecord } from './record.js';

/** A condition seen clear resolves only after staying clear this long, so flapping stays one alert. */
export const SETTLE_MS = 5 * 60_000;
/** A repeat of an open alert notifies again at most this often (unless it had been acknowledged). */
export const RENOTIFY_MS = 60 * 60_000;

export interface Refusal {
  at: number;
  reason: 'wrong_secret' | 'missing_secret';
  remoteAddress: string | null;
}

export interface EngineState {
  settings: AlertSettings;
  /** Open alerts by key. */
  open: ReadonlyMap<string, AlertRecord>;
  nextId: number;
  /** Printers printing now (from job events), with when their print (re)started. */
  printing: ReadonlyMap<string, number>;
  lastDeliveryAt: number | null;
  /** Refusals for a wrong or missing secret within the window, oldest first. */
  refusals: readonly Refusal[];
}

export interface AlertChange {
  kind: AlertChangeKind;
  alert: AlertRecord;
  /** Worth telling a human (quiet hours and pauses are applied later, by whoever notifies). */
  notify: boolean;
}

export interface Step {
  state: EngineState;
  changes: AlertChange[];
}

/** What a rule found: the alert's words and where it happened. */
export interface Finding {
  rule: AlertRuleId;
  key: string;
  title: string;
  message: string;
  printerId?: string | null;
  printerName?: string | null;
  file?: string | null;
  eventId?: string | null;
  /** Overrides the rule's configured severity downwards (a disk warning rather than a problem). */
  severity?: AlertSeverity;
}

export function initialState(settings: AlertSettings, open: readonly AlertRecord[] = [], nextId = 1): EngineState {
  return {
    settings,
    open: new Map(open.map((alert) => [alert.key, alert])),
    nextId: Math.max(nextId, ...open.map((alert) => alert.id + 1)),
    printing: new Map(),
    lastDeliveryAt: null,
    refusals: [],
  };
}

/** Accumulates changes over one input, so the helpers below compose. */
export class Transition {
  readonly changes: AlertChange[] = [];
  private readonly open: Map<string, AlertRecord>;
  private nextId: number;

  constructor(
    private readonly base: EngineState,
    readonly now: number,
  ) {
    this.open = new Map(base.open);
    this.nextId = base.nextId;
  }

  get settings(): AlertSettings {
    return this.base.settings;
  }

  openAlert(key: string): AlertRecord | undefined {
    return this.open.get(key);
  }

  openAlerts(): AlertRecord[] {
    return [...this.open.values()];
  }

  /** The finding holds now: raise a new alert, or count a repeat of the open one. */
  raise(finding: Finding): void {
    const setting = this.settings.rules[finding.rule];
    if (!setting.enabled) return;
    const severity = finding.severity && rank(finding.severity) < rank(setting.severity) ? finding.severity : setting.severity;
    const existing = this.open.get(finding.key);
    const details = {
      severity,
      title: finding.title,
      message: finding.message,
      printerId: finding.printerId ?? existing?.printerId ?? null,
      printerName: finding.printerName ?? existing?.printerName ?? null,
      file: finding.file ?? existing?.file ?? null,
      eventId: finding.eventId ?? existing?.eventId ?? null,
    };
    if (!existing) {
      const alert: AlertRecord = {
        id: this.nextId++,
        key: finding.key,
        rule: finding.rule,
        ...details,
        firstSeenAt: this.now,
        lastSeenAt: this.now,
        count: 1,
        notifiedAt: this.now,
        clearingSince: null,
        acknowledgedAt: null,
        resolvedAt: null,
        resolution: null,
      };
      this.put('raised', alert, true);
      return;
    }
    const isCondition = ruleInfo(finding.rule).kind === 'condition';
    // A condition that still holds is not news; one that came back while clearing is a repeat.
    if (isCondition && existing.clearingSince === null) return;
    const notify =
      existing.acknowledgedAt !== null || existing.notifiedAt === null || this.now - existing.notifiedAt >= RENOTIFY_MS;
    this.put(
      'repeated',
      {
        ...existing,
        ...details,
        lastSeenAt: this.now,
        count: existing.count + 1,
        clearingSince: null,
        acknowledgedAt: null,
        notifiedAt: notify ? this.now : existing.notifiedAt,
      },
      notify,
    );
  }

  /** The condition behind `key` is over (an explicit event said so, or it stayed clear long enough). */
  resolve(key: string, resolution: AlertRecord['resolution'] = 'cleared'): void {
    const existing = this.open.get(key);
    if (!existing) return;
    this.open.delete(key);
    const alert: AlertRecord = { ...existing, clearingSince: null, resolvedAt: this.now, resolution };
    // Tell a human an incident is over only if they were told about it and have not yet looked.
    const notify = resolution === 'cleared' && existing.acknowledgedAt === null && ruleInfo(existing.rule).kind !== 'incident';
    this.changes.push({ kind: resolution === 'acknowledged' ? 'acknowledged' : 'resolved', alert, notify });
  }

  /** A condition seen clear: resolve after `settleMs` of staying clear. */
  clear(key: string, settleMs = SETTLE_MS): void {
    const existing = this.open.get(key);
    if (!existing) return;
    if (existing.clearingSince === null && settleMs > 0) {
      this.put('updated', { ...existing, clearingSince: this.now, lastSeenAt: this.now }, false);
      return;
    }
    if (this.now - (existing.clearingSince ?? this.now) >= settleMs) this.resolve(key);
  }

  acknowledge(alert: AlertRecord): void {
    if (ruleInfo(alert.rule).kind === 'incident') return this.resolve(alert.key, 'acknowledged');
    this.put('acknowledged', { ...alert, acknowledgedAt: this.now }, false);
  }

  update(alert: AlertRecord): void {
    this.put('updated', alert, false);
  }

  finish(patch: Partial<Omit<EngineState, 'open' | 'nextId'>> = {}): Step {
    return { state: { ...this.base, ...patch, open: this.open, nextId: this.nextId }, changes: this.changes };
  }

  private put(kind: AlertChangeKind, alert: AlertRecord, notify: boolean): void {
    this.open.set(alert.key, alert);
    this.changes.push({ kind, alert, notify });
  }
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };
export const rank = (severity: AlertSeverity) => SEVERITY_RANK[severity];

/** Acknowledge an open alert by id; `null` when no open alert has that id. */
export function acknowledge(state: EngineState, id: number, now: number): Step | null {
  const alert = [...state.open.values()].find((candidate) => candidate.id === id);
  if (!alert) return null;
  const t = new Transition(state, now);
  t.acknowledge(alert);
  return t.finish();
}

/** New settings: open alerts of a rule switched off resolve quietly; severities follow the rules. */
export function changeSettings(state: EngineState, settings: AlertSettings, now: number): Step {
  const t = new Transition({ ...state, settings }, now);
  for (const alert of t.openAlerts()) {
    const setting = settings.rules[alert.rule];
    if (!setting.enabled) t.resolve(alert.key, 'rule_disabled');
    else if (setting.severity !== state.settings.rules[alert.rule].severity) t.update({ ...alert, severity: setting.severity });
  }
  return t.finish();
}
