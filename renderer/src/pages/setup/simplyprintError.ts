// SimplyPrint failures reach the wizard as a code: in a validation answer (`bad_key`), or as an
// API error from the control server (`simplyprint_bad_key`, `no_public_url`). This picks the
// sentence that explains it; unknown codes get the general one.
import { AppApiError } from '../../../../src/shared/api.js';

const KNOWN = new Set([
  'bad_key',
  'no_company_access',
  'no_permission',
  'plan_lacks_webhooks',
  'plan_lacks_api',
  'rate_limited',
  'validation',
  'not_found',
  'rejected',
  'server_error',
  'unexpected_answer',
  'dns',
  'network',
  'tls',
  'timeout',
  'config',
  'not_configured',
]);

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
