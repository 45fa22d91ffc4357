// SimplyPrint failures reach the wizard as a code: in a validation answer (`bad_key`), or as an
// API error from the control server (`simplyprint_bad_key`, `no_public_url`). This picks the
// sentence that explains it; unknown codes get the general one.
import { AppApiError } from '../../../../src/shared/api.js';
import { SIMPLYPRINT_ERROR_CODES } from '../../../../src/shared/simplyprint-errors.js';

/** Codes the client raises, plus `not_configured` (the control server: no key or company yet). */
const KNOWN = new Set<string>([...SIMPLYPRINT_ERROR_CODES, 'not_configured']);

export function simplyprintErrorKey(code: string): string {
  const bare = code.replace(/^simplyprint_/, '');
  return `setup.simplyprint.error.${KNOWN.has(bare) ? bare : 'other'}`;
}

/** The code of a thrown error, when it is about SimplyPrint (otherwise null: show it as it is). */
export function simplyprintCodeOf(error: Error): string | null {
  if (!(error instanceof AppApiError)) return null;
  if (error.code.startsWith('simplyprint_') || error.code === 'not_configured') return error.code;
  return null;
}
