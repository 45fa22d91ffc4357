import { describe, expect, it } from 'vitest';
import { EVENT_GROUPS, groupState, initialSelection, orderedSelection, SUBSCRIBABLE_EVENTS, toggleGroup } from './eventChoice.js';

describe('the event checklist', () => {
  it('offers every documented event except test, grouped by category', () => {
    expect(SUBSCRIBABLE_EVENTS).toHaveLength(62);
    expect(SUBSCRIBABLE_EVENTS).not.toContain('test');
    expect(EVENT_GROUPS.map((g) => g.category)).toEqual(['job', 'printer', 'company', 'queue', 'filament', 'balance', 'quota', 'maintenance']);
    expect(EVENT_GROUPS.flatMap((g) => g.events)).toHaveLength(62);
  });

  it('starts with everything, or with the saved choice minus names SimplyPrint does not know', () => {
    expect(initialSelection(undefined).size).toBe(62);
    expect([...initialSelection(['job.failed', 'job.finished', 'job.started'])]).toEqual(['job.failed', 'job.started']);
  });

  it('ticks whole groups and sends the choice in catalogue order', () => {
    const job = EVENT_GROUPS[0]!;
    const none = toggleGroup(initialSelection(undefined), job, false);
    expect(groupState(none, job)).toBe('none');
    const one = new Set([...none, 'job.failed']);
    expect(groupState(one, job)).toBe('some');
    expect(groupState(toggleGroup(one, job, true), job)).toBe('all');
    expect(orderedSelection(new Set(['queue.add_item', 'job.failed']))).toEqual(['job.failed', 'queue.add_item']);
  });
});
