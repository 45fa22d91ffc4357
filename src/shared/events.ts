// Looks an event name up in the catalogue. Isomorphic: used by the ingest path and the renderer.
import { CATALOGUE, LEGACY_NAMES, type EventCategory, type Label } from './catalogue.js';

export interface EventDescription {
  /** The name exactly as it was sent. */
  event: string;
  category: EventCategory;
  label: Label;
  /** True when SimplyPrint documents this name. */
  known: boolean;
  /** For a legacy name: the SimplyPrint event it stands for (null when there is none). */
  canonical: string | null;
}

const byName = new Map(CATALOGUE.map((entry) => [entry.event, entry]));

const categories = new Set<string>(CATALOGUE.map((e) => e.category));

/** A legacy name without a SimplyPrint equivalent still says where it belongs ("printer.online"). */
function categoryOfLegacy(name: string): EventCategory {
  const prefix = name.split('.', 1)[0] ?? '';
  return categories.has(prefix) ? (prefix as EventCategory) : 'other';
}

export function describeEvent(name: string): EventDescription {
  const entry = byName.get(name);
  if (entry) return { event: name, category: entry.category, label: entry.label, known: true, canonical: null };

  if (Object.hasOwn(LEGACY_NAMES, name)) {
    const target = LEGACY_NAMES[name] ?? null;
    const targetEntry = target ? byName.get(target) : undefined;
    if (targetEntry) {
      return { event: name, category: targetEntry.category, label: targetEntry.label, known: false, canonical: target };
    }
    return { event: name, category: categoryOfLegacy(name), label: { en: name, ru: name }, known: false, canonical: null };
  }
  return { event: name, category: 'other', label: { en: name, ru: name }, known: false, canonical: null };
}

export function eventLabel(name: string, lang: 'en' | 'ru'): string {
  return describeEvent(name).label[lang];
}

/** Every SimplyPrint event name, in catalogue order (what a webhook can subscribe to). */
export const SIMPLYPRINT_EVENTS: readonly string[] = CATALOGUE.map((e) => e.event);
