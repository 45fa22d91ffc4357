// The ways a SimplyPrint API call can fail, by stable code: the client (src/simplyprint) raises
// them, and the dashboard explains each in the technician's language.
export const SIMPLYPRINT_ERROR_CODES = [
  /** The key is missing, mistyped, or deleted (401, "No API key provided, or not logged in"). */
  'bad_key',
  /** The key is valid but its user is not in that company ("You don't have access to this account"). */
  'no_company_access',
  /** The key's user lacks a permission the call needs (webhooks need `webhooks_manage`). */
  'no_permission',
  /** The company's plan has no webhooks (they need the Print Farm plan). */
  'plan_lacks_webhooks',
  /** The company's plan has no API access (it needs Pro, or organisation membership). */
  'plan_lacks_api',
  /** Too many requests (429); `retryAfterSeconds` says when to try again if SimplyPrint said so. */
  'rate_limited',
  /** SimplyPrint refused the request's content, e.g. "events.0: Invalid enum value specified!". */
  'validation',
  /** The webhook (or the endpoint) does not exist. */
  'not_found',
  /** Any other refusal (status:false with a 4xx, or status:false with 200). */
  'rejected',
  /** SimplyPrint's side failed (5xx). */
  'server_error',
  /** The answer was not SimplyPrint's API (HTML from a proxy, a wrong base URL, broken JSON). */
  'unexpected_answer',
  /** The host name did not resolve. */
  'dns',
  /** No connection could be made or it broke (refused, reset, unreachable, offline). */
  'network',
  /** The HTTPS handshake failed (certificate, intercepting proxy, wrong clock). */
  'tls',
  /** No answer within the timeout. */
  'timeout',
  /** The request could not be made as configured (empty key, bad company id, bad base URL). */
  'config',
] as const;

export type SimplyPrintErrorCode = (typeof SIMPLYPRINT_ERROR_CODES)[number];
