// A deliberately small template language for chat messages:
//   {{path}}                 the value, or nothing when it is absent
//   {{#path}}...{{/path}}    the inner text only when the value is present
//   {{^path}}...{{/path}}    the inner text only when it is absent
// Output is plain text; each transport escapes it for its own markup, so a file name with `<b>` or
// `@everyone` in it is shown, never interpreted.
import type { TemplateLookup } from './template-context.js';

const SECTION = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

export function renderTemplate(template: string, lookup: TemplateLookup): string {
  let text = template;
  // Innermost sections resolve first; a few passes cover any nesting a person writes by hand.
  for (let pass = 0; pass < 8; pass += 1) {
    const next = text.replace(SECTION, (_all, kind: string, path: string, inner: string) => {
      const present = lookup(path) !== null;
      return (kind === '#') === present ? inner : '';
    });
    if (next === text) break;
    text = next;
  }
  return text
    .replace(VARIABLE, (_all, path: string) => lookup(path) ?? '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

