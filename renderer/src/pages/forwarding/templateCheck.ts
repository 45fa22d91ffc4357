// Checks a message template before it is saved: every `{{#x}}`/`{{^x}}` section closed by its own
// `{{/x}}`, no stray `{{`, and variables the core knows (a misspelt one renders as nothing, which is
// easy to miss until a print fails at night).
import { TEMPLATE_VARIABLES } from '../../../../src/shared/forward-templates.js';

export type TemplateProblem =
  | { code: 'unclosed_section'; name: string }
  | { code: 'stray_close'; name: string }
  | { code: 'unterminated_tag' }
  | { code: 'unknown_variable'; name: string };

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
const TAG = /\{\{\s*([#^/]?)\s*([\w.]*)\s*\}\}/g;

export const isKnownVariable = (name: string) => KNOWN.has(name) || /^data\.[\w.]+$/.test(name);

/** Errors (`unknown_variable` aside) would send a message with the template's braces in it. */
export function checkTemplate(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const open: string[] = [];
  const unknown = new Set<string>();
  for (const match of template.matchAll(TAG)) {
    const [, kind, name = ''] = match;
    if (kind === '#' || kind === '^') open.push(name);
    else if (kind === '/') {
      const at = open.lastIndexOf(name);
      if (at < 0) problems.push({ code: 'stray_close', name });
      else {
        for (const unclosed of open.splice(at).slice(1)) problems.push({ code: 'unclosed_section', name: unclosed });
        continue;
      }
    }
    if (kind !== '/' && name && !isKnownVariable(name)) unknown.add(name);
  }
  for (const name of open) problems.push({ code: 'unclosed_section', name });
  if (template.replace(TAG, '').includes('{{')) problems.push({ code: 'unterminated_tag' });
  for (const name of unknown) problems.push({ code: 'unknown_variable', name });
  return problems;
}

export const isBlocking = (problem: TemplateProblem) => problem.code !== 'unknown_variable';
