import { describe, expect, it } from 'vitest';
import type { EventItem } from '../../../../src/shared/schemas.js';
import { initialLiveList, liveListReducer, needsReload, PENDING_CAP, type LiveListAction, type LiveListState } from './liveList.js';

const ev = (id: number): EventItem =>
  ({ id: String(id), receivedAt: new Date(id * 1000).toISOString(), event: 'test', category: 'test', duplicates: 0 }) as EventItem;
const run = (actions: LiveListAction[], start: LiveListState = initialLiveList) => actions.reduce(liveListReducer, start);
const ids = (list: EventItem[]) => list.map((e) => e.id);

describe('the "N new events" pill', () => {
  const loaded = run([{ type: 'loaded', items: [ev(3), ev(2), ev(1)], nextCursor: 'c1' }]);

  it('puts arrivals straight on top while the operator is at the top', () => {
    const state = run([{ type: 'arrived', item: ev(4) }], loaded);
    expect(ids(state.items)).toEqual(['4', '3', '2', '1']);
    expect(state.pendingCount).toBe(0);
  });

  it('holds arrivals back once scrolled away, and shows them (newest first) on request', () => {
    const away = run([{ type: 'scrolled', atTop: false }, { type: 'arrived', item: ev(4) }, { type: 'arrived', item: ev(5) }], loaded);
    expect(ids(away.items)).toEqual(['3', '2', '1']);
    expect(away.pendingCount).toBe(2);
    const shown = run([{ type: 'showPending' }], away);
    expect(ids(shown.items)).toEqual(['5', '4', '3', '2', '1']);
    expect(shown.pendingCount).toBe(0);
    expect(shown.atTop).toBe(true);
  });

  it('flushes by itself when the operator scrolls back to the top', () => {
    const state = run([{ type: 'scrolled', atTop: false }, { type: 'arrived', item: ev(4) }, { type: 'scrolled', atTop: true }], loaded);
    expect(ids(state.items)).toEqual(['4', '3', '2', '1']);
    expect(state.pendingCount).toBe(0);
  });

  it('ignores an event it already has (a stream replay or a page that raced it)', () => {
    const state = run([{ type: 'arrived', item: ev(3) }, { type: 'scrolled', atTop: false }, { type: 'arrived', item: ev(9) }, { type: 'arrived', item: ev(9) }], loaded);
    expect(ids(state.items)).toEqual(['3', '2', '1']);
    expect(state.pendingCount).toBe(1);
  });

  it('appends later pages without duplicates and resets on a new first page', () => {
    const more = run([{ type: 'appended', items: [ev(1), ev(0)], nextCursor: null }], loaded);
    expect(ids(more.items)).toEqual(['3', '2', '1', '0']);
    expect(more.nextCursor).toBeNull();
    const away = run([{ type: 'scrolled', atTop: false }, { type: 'arrived', item: ev(4) }], loaded);
    expect(run([{ type: 'loaded', items: [ev(8)], nextCursor: null }], away).pendingCount).toBe(0);
  });

  it('beyond the cap only counts, and asks for a reload instead of a splice', () => {
    let state = run([{ type: 'scrolled', atTop: false }], loaded);
    for (let i = 0; i < PENDING_CAP + 5; i++) state = liveListReducer(state, { type: 'arrived', item: ev(100 + i) });
    expect(state.pendingCount).toBe(PENDING_CAP + 5);
    expect(state.pending.length).toBe(PENDING_CAP);
    expect(needsReload(state)).toBe(true);
    // Scrolling to the top must not splice a partial set in either.
    expect(liveListReducer(state, { type: 'scrolled', atTop: true }).pendingCount).toBe(PENDING_CAP + 5);
  });

  it('updates the duplicate count of a shown row', () => {
    const state = run([{ type: 'duplicate', id: '2', duplicates: 3 }], loaded);
    expect(state.items.find((e) => e.id === '2')?.duplicates).toBe(3);
  });

  it('keeps what was pushed while a reload was in flight, even when the page was read before it was stored', () => {
    const state = run([{ type: 'reloading' }, { type: 'arrived', item: ev(4) }, { type: 'loaded', items: [ev(3), ev(2)], nextCursor: null }], loaded);
    expect(ids(state.items)).toEqual(['4', '3', '2']);
    expect(state.arrivedWhileLoading).toBeNull();
  });

  it('does not repeat a pushed event that the reloaded page also holds', () => {
    const state = run([{ type: 'reloading' }, { type: 'arrived', item: ev(4) }, { type: 'loaded', items: [ev(4), ev(3)], nextCursor: null }], loaded);
    expect(ids(state.items)).toEqual(['4', '3']);
  });

  it('lets a reload replace rows shown before it started (a new filter)', () => {
    const state = run([{ type: 'reloading' }, { type: 'loaded', items: [ev(2)], nextCursor: null }], loaded);
    expect(ids(state.items)).toEqual(['2']);
  });
});
