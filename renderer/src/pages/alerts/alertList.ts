// The open alerts as the dashboard keeps them: the first page from the API, then every
// `alert.changed` push applied. An alert leaves the list once resolved, and a stale copy (a page
// that was in flight while it resolved, or an older push) never brings it back.
import { ALERT_SEVERITIES, type Alert } from '../../../../src/shared/alerts.js';

export interface OpenAlerts {
  items: Alert[];
  /** Ids seen resolved: a page read before the resolution must not resurrect them. */
  resolved: ReadonlySet<string>;
  loaded: boolean;
  /** Pushed while a page was being read: the page may predate them, so they are merged into it. */
  pushedWhileLoading: Alert[] | null;
}

export type OpenAlertsAction = { type: 'reloading' } | { type: 'loaded'; items: Alert[] } | { type: 'changed'; alert: Alert };

export const initialOpenAlerts: OpenAlerts = { items: [], resolved: new Set(), loaded: false, pushedWhileLoading: null };

const rank = (a: Alert) => ALERT_SEVERITIES.indexOf(a.severity);

/** Most severe first; within a severity, the most recently seen first. Acknowledged ones sink. */
export function compareAlerts(a: Alert, b: Alert): number {
  const acked = Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null);
  if (acked !== 0) return acked;
  return rank(b) - rank(a) || b.lastSeenAt.localeCompare(a.lastSeenAt) || Number(b.id) - Number(a.id);
}

/** True when `incoming` is not older than `current` (same alert): later sightings, or a new state. */
function isNewer(incoming: Alert, current: Alert): boolean {
  if (incoming.count !== current.count) return incoming.count > current.count;
  if (incoming.lastSeenAt !== current.lastSeenAt) return incoming.lastSeenAt > current.lastSeenAt;
  // Same sighting: an acknowledgement is never undone by a copy read before it.
  return incoming.acknowledgedAt !== null || current.acknowledgedAt === null;
}

export function openAlertsReducer(state: OpenAlerts, action: OpenAlertsAction): OpenAlerts {
  switch (action.type) {
    case 'reloading':
      return { ...state, pushedWhileLoading: [] };
    case 'loaded': {
      const byId = new Map(action.items.filter((a) => a.status === 'open').map((a) => [a.id, a]));
      for (const pushed of state.pushedWhileLoading ?? []) {
        const read = byId.get(pushed.id);
        if (pushed.status === 'open' && (!read || isNewer(pushed, read))) byId.set(pushed.id, pushed);
      }
      const items = [...byId.values()].filter((a) => !state.resolved.has(a.id)).sort(compareAlerts);
      return { ...state, items, loaded: true, pushedWhileLoading: null };
    }
    case 'changed': {
      const { alert } = action;
      if (state.pushedWhileLoading) state = { ...state, pushedWhileLoading: [...state.pushedWhileLoading, alert] };
      if (alert.status !== 'open') {
        const resolved = new Set(state.resolved).add(alert.id);
        return { ...state, resolved, items: state.items.filter((a) => a.id !== alert.id) };
      }
      if (state.resolved.has(alert.id)) return state;
      const current = state.items.find((a) => a.id === alert.id);
      if (current && !isNewer(alert, current)) return state;
      const items = [...state.items.filter((a) => a.id !== alert.id), alert].sort(compareAlerts);
      return { ...state, items };
    }
  }
}
