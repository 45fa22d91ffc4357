// The event and printer filters of a destination as the operator types them: one pattern per line
// or separated by commas, `*` as a wildcard, a leading `!` to exclude. Checked before saving, and
// previewed against SimplyPrint's documented events with the same matcher the outbox uses.
import { SIMPLYPRINT_EVENTS } from '../../../../src/shared/events.js';
import { compileFilter } from '../../../../src/shared/forward-filter.js';

export type PatternProblemCode = 'bad_characters' | 'bare_bang' | 'duplicate' | 'matches_nothing';

export interface PatternProblem {
  pattern: string;
  code: PatternProblemCode;
  /** Errors block saving; warnings (a pattern that matches no documented event) do not. */
  severity: 'error' | 'warning';
}

export interface PatternCheck {
  patterns: string[];
  problems: PatternProblem[];
  /** Documented events the patterns let through (event filter only). */
  matched: string[];
  valid: boolean;
}

export function parsePatterns(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export const formatPatterns = (patterns: readonly string[]) => patterns.join(', ');

const EVENT_PATTERN = /^!?[A-Za-z0-9_.*-]+$/;

function commonProblems(pattern: string, seen: Set<string>): PatternProblem[] {
  const problems: PatternProblem[] = [];
  if (seen.has(pattern)) problems.push({ pattern, code: 'duplicate', severity: 'warning' });
  seen.add(pattern);
  if (pattern.replace(/^!\s*/, '') === '') problems.push({ pattern, code: 'bare_bang', severity: 'error' });
  return problems;
}

/** Event patterns: names of letters, digits, `_ . -` and `*`; each should match a documented event. */
export function checkEventPatterns(patterns: readonly string[], known: readonly string[] = SIMPLYPRINT_EVENTS): PatternCheck {
  const problems: PatternProblem[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const own = commonProblems(pattern, seen);
    problems.push(...own);
    if (own.some((p) => p.severity === 'error')) continue;
    if (!EVENT_PATTERN.test(pattern)) {
      problems.push({ pattern, code: 'bad_characters', severity: 'error' });
      continue;
    }
    const body = pattern.replace(/^!/, '');
    if (!known.some((event) => compileFilter([body]).matches([event]))) problems.push({ pattern, code: 'matches_nothing', severity: 'warning' });
  }
  const valid = !problems.some((p) => p.severity === 'error');
  const filter = compileFilter(valid ? patterns : []);
  return { patterns: [...patterns], problems, matched: valid ? known.filter((event) => filter.matches([event])) : [], valid };
}

/** Printer patterns match ids or names, which may hold any character; only a lone `!` is wrong. */
export function checkPrinterPatterns(patterns: readonly string[]): PatternCheck {
  const problems: PatternProblem[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) problems.push(...commonProblems(pattern, seen));
  return { patterns: [...patterns], problems, matched: [], valid: !problems.some((p) => p.severity === 'error') };
}
