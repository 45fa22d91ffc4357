// Reconnection delays for the live stream: exponential with "full jitter", so a restarted core is
// not hit by every open dashboard at the same instant, and capped so a long outage is noticed soon
// after it ends.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000 };

/** Delay before reconnection attempt `attempt` (0-based). `random` is injectable for tests. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  // Never below half the ceiling: pure full jitter can retry at once, which thrashes on a dead port.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
