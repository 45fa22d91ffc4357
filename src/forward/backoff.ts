// When to try again. Exponential from `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed,
// half random) so a farm of failed jobs does not retry in lockstep. A receiver's Retry-After is a
// floor: we never come back earlier than it asked, but cap it so a hostile value cannot park a job
// for a year.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 15 * 60_000, maxRetryAfterMs: 60 * 60_000 };

/** Delay before attempt `failedAttempts + 1`, after `failedAttempts` failures (>= 1). */
export function retryDelay(
  failedAttempts: number,
  policy: BackoffPolicy,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/** Retry-After is either delta-seconds or an HTTP date. Returns null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
