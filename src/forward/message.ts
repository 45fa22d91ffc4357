// The text a chat destination sends for one event: the destination's own template for the event
// name, else for its category, else the default for the category in the destination's language.
import type { ForwardLanguage } from '../shared/forward.js';
import type { StoredEvent } from '../store/hooks.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { renderTemplate } from './template.js';
import { templateContext } from './template-context.js';

export interface ChatMessage {
  /** First line of the rendered template. */
  title: string;
  /** The rest (may be empty). */
  body: string;
}

export function chooseTemplate(event: StoredEvent, language: ForwardLanguage, overrides: Readonly<Record<string, string>>): string {
  return overrides[event.event] ?? overrides[event.category] ?? DEFAULT_TEMPLATES[language][event.category];
}

export function renderMessage(
  event: StoredEvent,
  language: ForwardLanguage,
  overrides: Readonly<Record<string, string>> = {},
): ChatMessage {
  const text = renderTemplate(chooseTemplate(event, language, overrides), templateContext(event, language)) || event.event;
  const newline = text.indexOf('\n');
  return newline < 0 ? { title: text, body: '' } : { title: text.slice(0, newline), body: text.slice(newline + 1).trim() };
}
