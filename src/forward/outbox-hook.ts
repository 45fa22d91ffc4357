// Writes forward jobs inside the ingest transaction: for each stored event, one job per enabled
// destination whose filters match. Committed with the event, so "stored" always implies "will be
// forwarded", even if the power goes before the worker wakes.
import type { IngestHook, IngestHookRef } from '../store/hooks.js';
import { compileDestinationFilter, type FilterSubject } from './filter.js';
import { parseSettings } from './destinations.js';
import { prepareJobInsert } from './outbox.js';

/** How the ingest writer (on its own thread) finds this hook: add it to the app's hook refs. */
export const FORWARD_OUTBOX_HOOK: IngestHookRef = { module: import.meta.url, factory: 'forwardOutboxHook' };

export function forwardOutboxHook(): IngestHook {
  return {
    name: 'forward-outbox',
    attach(db) {
      // A handful of rows: read per event, so a destination saved a moment ago applies at once.
      const enabled = db.prepare('SELECT id, settings FROM forward_destinations WHERE enabled = 1');
      const insert = prepareJobInsert(db);
      // Compiling wildcards per event would be wasteful; settings text is the cache key.
      const compiled = new Map<string, (subject: FilterSubject) => boolean>();
      const matcherFor = (settings: string) => {
        let matcher = compiled.get(settings);
        if (!matcher) {
          if (compiled.size > 256) compiled.clear();
          matcher = compileDestinationFilter(parseSettings(settings));
          compiled.set(settings, matcher);
        }
        return matcher;
      };
      return (event) => {
        for (const row of enabled.all() as { id: number; settings: string }[]) {
          if (!matcherFor(row.settings)(event)) continue;
          insert({ destinationId: row.id, eventId: event.id, event: event.event, kind: 'event', dueAt: event.receivedAt });
        }
      };
    },
  };
}
