// Waiting for the test event: the server long-polls for at most a minute, the wizard waits longer
// (a technician switching to SimplyPrint's panel takes a while), so it asks again until its own
// deadline, and stops at the first answer that is not "nothing yet".
import type { TestWaitQuery, TestWaitResult } from '../../../../src/shared/setup.js';

/** SimplyPrint delivers within seconds when asked through the API; a person needs longer. */
export const WAIT_MS = { automatic: 45_000, manual: 120_000 } as const;
const POLL_MS = 25_000;

export async function waitForTest(
  wait: (query: TestWaitQuery) => Promise<TestWaitResult>,
  since: string,
  totalMs: number,
  cancelled: () => boolean,
  now: () => number = Date.now,
): Promise<TestWaitResult | null> {
  const deadline = now() + totalMs;
  let last: TestWaitResult | null = null;
  while (!cancelled()) {
    const remaining = deadline - now();
    if (remaining <= 0) return last;
    last = await wait({ since, timeoutMs: Math.min(POLL_MS, Math.max(remaining, 1_000)) });
    if (last.outcome !== 'nothing') return last;
  }
  return null;
}

/** How far back a press on the panel's Test button may lie: clocks and a quick technician. */
const PRESS_SLACK_MS = 1_000;

/**
 * Where a manual wait starts looking: a little before the instructions appeared, but never before
 * the last result this window showed. Otherwise a refusal the technician has just been shown comes
 * back as the answer to the next try when step 3 was visited and left within that slack.
 */
export function manualWaitSince(now: number, lastResultShownAt: number): string {
  return new Date(Math.max(now - PRESS_SLACK_MS, lastResultShownAt)).toISOString();
}

/** Which step fixes what the diagnosis found. */
export function fixStepOf(outcome: TestWaitResult['outcome']): 'reachability' | 'simplyprint' | null {
  if (outcome === 'nothing') return 'reachability';
  if (outcome === 'wrong_secret' || outcome === 'missing_secret' || outcome === 'wrong_path') return 'simplyprint';
  return null;
}

/** A `test` envelope a local sender can POST (the LAN-only path has no SimplyPrint to press Test). */
export function curlForTest(url: string, secret: string | null): string {
  const body = JSON.stringify({ webhook_id: 0, event: 'test', timestamp: Math.floor(Date.now() / 1000), data: {} });
  const secretHeader = secret === null ? '' : ` -H 'X-SP-Secret: ${secret}'`;
  return `curl -X POST -H 'Content-Type: application/json'${secretHeader} -d '${body}' '${url}'`;
}
