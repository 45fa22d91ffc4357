// The event log's list state. New events go straight to the top while the operator is looking at
// the top; once they have scrolled away, they wait behind the "N new events" pill so the rows under
// the operator's eyes do not jump.
import type { EventItem } from '../../../../src/shared/schemas.js';

/** Beyond this many waiting events, "show" reloads the head instead of splicing them in. */
export const PENDING_CAP = 500;

export interface LiveListState {
  items: EventItem[];
  pending: EventItem[];
  /** Events that arrived while away from the top (may exceed `pending.length` when capped). */
  pendingCount: number;
  nextCursor: string | null;
  atTop: boolean;
  /**
   * Arrivals pushed while a reload was in flight. The page being read may have been taken before
   * they were stored, so 'loaded' keeps them on top instead of letting the page replace them.
   */
  arrivedWhileLoading: EventItem[] | null;
}

export type LiveListAction =
  | { type: 'reloading' }
  | { type: 'loaded'; items: EventItem[]; nextCursor: string | null }
  | { type: 'appended'; items: EventItem[]; nextCursor: string | null }
  | { type: 'arrived'; item: EventItem }
  | { type: 'duplicate'; id: string; duplicates: number }
  | { type: 'scrolled'; atTop: boolean }
  | { type: 'showPending' };

export const initialLiveList: LiveListState = { items: [], pending: [], pendingCount: 0, nextCursor: null, atTop: true, arrivedWhileLoading: null };

function withoutKnown(known: readonly EventItem[], incoming: readonly EventItem[]): EventItem[] {
  const ids = new Set(known.map((e) => e.id));
  return incoming.filter((e) => !ids.has(e.id));
}

function flush(state: LiveListState): LiveListState {
  if (state.pendingCount === 0) return state;
  const fresh = withoutKnown(state.items, state.pending);
  return { ...state, items: [...fresh, ...state.items], pending: [], pendingCount: 0 };
}

export function liveListReducer(state: LiveListState, action: LiveListAction): LiveListState {
  switch (action.type) {
    case 'reloading':
      return { ...state, arrivedWhileLoading: [] };
    case 'loaded': {
      const raced = withoutKnown(action.items, state.arrivedWhileLoading ?? []);
      const items = [...raced, ...action.items];
      return { ...state, items, nextCursor: action.nextCursor, pending: [], pendingCount: 0, arrivedWhileLoading: null };
    }
    case 'appended':
      return { ...state, items: [...state.items, ...withoutKnown(state.items, action.items)], nextCursor: action.nextCursor };
    case 'arrived': {
      const arrivedWhileLoading = state.arrivedWhileLoading && [action.item, ...state.arrivedWhileLoading];
      if (state.items.some((e) => e.id === action.item.id) || state.pending.some((e) => e.id === action.item.id)) return state;
      if (state.atTop) return { ...state, items: [action.item, ...state.items], arrivedWhileLoading };
      const pending = state.pending.length < PENDING_CAP ? [action.item, ...state.pending] : state.pending;
      return { ...state, pending, pendingCount: state.pendingCount + 1, arrivedWhileLoading };
    }
    case 'duplicate': {
      const update = (list: EventItem[]) =>
        list.some((e) => e.id === action.id) ? list.map((e) => (e.id === action.id ? { ...e, duplicates: action.duplicates } : e)) : list;
      return { ...state, items: update(state.items), pending: update(state.pending) };
    }
    case 'scrolled': {
      if (action.atTop === state.atTop) return state;
      const next = { ...state, atTop: action.atTop };
      // Back at the top by themselves: what waited is now simply the top of the list.
      return action.atTop && !needsReload(next) ? flush(next) : next;
    }
    case 'showPending':
      return flush({ ...state, atTop: true });
  }
}

/** True when more arrived than was kept: the list must be reloaded rather than spliced. */
export function needsReload(state: LiveListState): boolean {
  return state.pendingCount > state.pending.length;
}
