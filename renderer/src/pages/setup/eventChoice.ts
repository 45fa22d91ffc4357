// The events a webhook can subscribe to (everything SimplyPrint documents except `test`, which it
// always sends), grouped by category for the checklist, and the selection's bookkeeping.
import type { EventCategory } from '../../../../src/shared/catalogue.js';
import { describeEvent, SIMPLYPRINT_EVENTS } from '../../../../src/shared/events.js';

export const SUBSCRIBABLE_EVENTS: readonly string[] = SIMPLYPRINT_EVENTS.filter((e) => e !== 'test');

export interface EventGroup {
  category: EventCategory;
  events: string[];
}

export const EVENT_GROUPS: readonly EventGroup[] = SUBSCRIBABLE_EVENTS.reduce<EventGroup[]>((groups, event) => {
  const { category } = describeEvent(event);
  const group = groups.find((g) => g.category === category);
  if (group) group.events.push(event);
  else groups.push({ category, events: [event] });
  return groups;
}, []);

/** A saved choice, kept to names SimplyPrint still accepts; nothing saved yet means all of them. */
export function initialSelection(saved: readonly string[] | undefined): Set<string> {
  const known = (saved ?? []).filter((e) => SUBSCRIBABLE_EVENTS.includes(e));
  return new Set(known.length > 0 ? known : SUBSCRIBABLE_EVENTS);
}

/** Ticks or unticks a whole group. */
export function toggleGroup(selected: ReadonlySet<string>, group: EventGroup, on: boolean): Set<string> {
  const next = new Set(selected);
  for (const event of group.events) {
    if (on) next.add(event);
    else next.delete(event);
  }
  return next;
}

export function groupState(selected: ReadonlySet<string>, group: EventGroup): 'all' | 'some' | 'none' {
  const count = group.events.filter((e) => selected.has(e)).length;
  return count === group.events.length ? 'all' : count === 0 ? 'none' : 'some';
}

/** In catalogue order, so the list sent to SimplyPrint (and saved) is stable. */
export const orderedSelection = (selected: ReadonlySet<string>): string[] => SUBSCRIBABLE_EVENTS.filter((e) => selected.has(e));
