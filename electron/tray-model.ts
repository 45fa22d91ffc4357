// What the tray shows, as a pure function of the farm's state: the icon (ok / attention / problem /
// paused), a one-line tooltip, and the menu as data. main.ts turns the menu into Electron's.
import { ruleInfo, type Alert } from '../src/shared/alerts.js';

export type TrayIconState = 'ok' | 'attention' | 'problem' | 'paused';
export type TrayTheme = 'light' | 'dark';

export type TrayAction =
  | { type: 'open'; hash?: string }
  | { type: 'copy-webhook-url' }
  | { type: 'pause'; minutes: number }
  | { type: 'resume' }
  | { type: 'toggle-start-at-login' }
  | { type: 'export-diagnostics' }
  | { type: 'quit' };

export type TrayMenuItem =
  | { kind: 'item'; id: string; label: string; enabled: boolean; action: TrayAction | null }
  | { kind: 'checkbox'; id: string; label: string; checked: boolean; action: TrayAction }
  | { kind: 'separator' };

export interface TrayInput {
  now: number;
  /** Open alerts, most severe and newest first. */
  openAlerts: readonly Alert[];
  /** Printers printing now. */
  printing: number;
  lastDeliveryAt: number | null;
  receiverListening: boolean;
  /** Notifications held back until then (Unix ms), or null. */
  pausedUntil: number | null;
  startAtLogin: boolean;
  webhookUrl: string | null;
  /** The taskbar's colour: a dark taskbar gets the light icon. */
  theme: TrayTheme;
  formatTime?: (ms: number) => string;
}

export interface TrayModel {
  icon: TrayIconState;
  /** File name under build/tray/ of the icon to show. */
  iconFile: string;
  tooltip: string;
  menu: TrayMenuItem[];
}

/** Windows cuts tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;
export const RECENT_ALERTS_IN_MENU = 5;
export const PAUSE_MINUTES = 60;

const defaultTime = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} days ago`;
}

/** A critical condition stays a problem even when acknowledged (the receiver is still down). */
const isProblem = (alert: Alert) =>
  alert.severity === 'critical' && (alert.acknowledgedAt === null || ruleInfo(alert.rule).kind === 'condition');

export function trayIconState(input: Pick<TrayInput, 'openAlerts' | 'receiverListening' | 'pausedUntil' | 'now'>): TrayIconState {
  if (!input.receiverListening || input.openAlerts.some(isProblem)) return 'problem';
  if (input.pausedUntil !== null && input.pausedUntil > input.now) return 'paused';
  if (input.openAlerts.some((alert) => alert.acknowledgedAt === null)) return 'attention';
  return 'ok';
}

function clip(text: string, max = TOOLTIP_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function trayTooltip(input: TrayInput): string {
  const time = input.formatTime ?? defaultTime;
  const paused = input.pausedUntil !== null && input.pausedUntil > input.now ? ` · alerts paused until ${time(input.pausedUntil)}` : '';
  const unseen = input.openAlerts.filter((alert) => alert.acknowledgedAt === null);
  const top = unseen[0] ?? input.openAlerts.find(isProblem);
  if (!input.receiverListening && !top) return clip(`FarmHook: the receiver is not listening${paused}`);
  if (top) {
    const more = unseen.length > 1 ? ` (+${unseen.length - 1} more)` : '';
    return clip(`FarmHook: ${top.title}${more}${paused}`);
  }
  const delivery = input.lastDeliveryAt === null ? 'no deliveries yet' : `last delivery ${ago(input.now - input.lastDeliveryAt)}`;
  return clip(`FarmHook · ${input.printing} printing · ${delivery}${paused}`);
}

const alertHash = (alert: Alert) => (alert.eventId ? `#/events/${alert.eventId}` : '#/overview');
const SEVERITY_MARK: Record<Alert['severity'], string> = { critical: '⛔', warning: '⚠', info: 'ℹ' };

export function trayModel(input: TrayInput): TrayModel {
  const icon = trayIconState(input);
  const paused = input.pausedUntil !== null && input.pausedUntil > input.now;
  const time = input.formatTime ?? defaultTime;
  const recent = input.openAlerts.slice(0, RECENT_ALERTS_IN_MENU);
  const menu: TrayMenuItem[] = [
    { kind: 'item', id: 'open', label: 'Open FarmHook', enabled: true, action: { type: 'open' } },
    { kind: 'item', id: 'copy-webhook-url', label: 'Copy webhook URL', enabled: input.webhookUrl !== null, action: { type: 'copy-webhook-url' } },
    { kind: 'separator' },
    ...(recent.length === 0
      ? [{ kind: 'item' as const, id: 'no-alerts', label: 'No open alerts', enabled: false, action: null }]
      : recent.map((alert) => ({
          kind: 'item' as const,
          id: `alert-${alert.id}`,
          label: clip(`${SEVERITY_MARK[alert.severity]} ${alert.title}${alert.count > 1 ? ` (${alert.count}×)` : ''}`, 80),
          enabled: true,
          action: { type: 'open' as const, hash: alertHash(alert) },
        }))),
    ...(input.openAlerts.length > recent.length
      ? [{ kind: 'item' as const, id: 'more-alerts', label: `All ${input.openAlerts.length} alerts…`, enabled: true, action: { type: 'open' as const, hash: '#/overview' } }]
      : []),
    { kind: 'separator' },
    paused
      ? { kind: 'item', id: 'resume', label: `Resume alerts (paused until ${time(input.pausedUntil!)})`, enabled: true, action: { type: 'resume' } }
      : { kind: 'item', id: 'pause', label: 'Pause alerts for 1 hour', enabled: true, action: { type: 'pause', minutes: PAUSE_MINUTES } },
    { kind: 'checkbox', id: 'start-at-login', label: 'Start at login', checked: input.startAtLogin, action: { type: 'toggle-start-at-login' } },
    { kind: 'item', id: 'export-diagnostics', label: 'Export diagnostics…', enabled: true, action: { type: 'export-diagnostics' } },
    { kind: 'separator' },
    { kind: 'item', id: 'quit', label: 'Quit FarmHook', enabled: true, action: { type: 'quit' } },
  ];
  return { icon, iconFile: trayIconFile(icon, input.theme), tooltip: trayTooltip(input), menu };
}

export const trayIconFile = (icon: TrayIconState, theme: TrayTheme) => `tray-${icon}-${theme}.png`;
