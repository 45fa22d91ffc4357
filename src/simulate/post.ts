// Posts simulated deliveries to a receiver over HTTP the way SimplyPrint does (one POST per event,
// PHP-encoded JSON, the secret verbatim in a header), with bounded concurrency, optional pacing,
// and retries on network errors and 5xx/429 (as a sender that wants its deliveries kept would).
import { phpJsonEncode } from './php-json.js';
import type { SimDelivery } from './printer-timeline.js';

export interface PostOptions {
  url: string;
  secret?: string | null;
  /** Requests in flight at once. */
  concurrency: number;
  /**
   * Pacing: delivery i is posted at wallStart + (at_i − timelineStart) / speed. Infinity = as fast as
   * possible.
   */
  speed: number;
  timelineStart: number;
  wallStart?: number;
  onProgress?(progress: PostProgress): void;
  signal?: AbortSignal;
}

export interface PostProgress {
  /** Accepted by the receiver (2xx). */
  sent: number;
  total: number;
  /** Given up on after retries, or refused with a 4xx. */
  failed: number;
  retries: number;
}

export interface PostResult extends PostProgress {
  elapsedMs: number;
  /** Status of the first delivery that failed for good, with the receiver's message. */
  firstFailure: string | null;
}

export class ReceiverRefused extends Error {}

const MAX_ATTEMPTS = 6;
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export async function postDeliveries(deliveries: readonly SimDelivery[], options: PostOptions): Promise<PostResult> {
  const wallStart = options.wallStart ?? Date.now();
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'farmhook-simulate' };
  // SimplyPrint's own integrations read X-SP-Secret; the receiver accepts it and X-SP-Token.
  if (options.secret) headers['x-sp-secret'] = options.secret;
  const progress: PostProgress = { sent: 0, total: deliveries.length, failed: 0, retries: 0 };
  let firstFailure: string | null = null;
  let refused: ReceiverRefused | null = null;
  let next = 0;

  async function postOne(delivery: SimDelivery): Promise<boolean> {
    const body = phpJsonEncode(delivery.body);
    for (let attempt = 1; ; attempt++) {
      let status: number | null = null;
      let message = '';
      try {
        // No AbortSignal per request: in-flight posts finish on Ctrl+C (and one shared signal would collect a listener per fetch).
        const response = await fetch(options.url, { method: 'POST', headers, body });
        status = response.status;
        message = (await response.text()).slice(0, 200);
        if (response.ok) return true;
        if (status === 401 || status === 403) {
          throw new ReceiverRefused(`The receiver refused the delivery (HTTP ${status}): check --secret. ${message}`);
        }
      } catch (error) {
        if (error instanceof ReceiverRefused || options.signal?.aborted) throw error;
        message = (error as Error).message;
      }
      const retryable = status === null || status === 429 || status >= 500;
      if (!retryable || attempt >= MAX_ATTEMPTS) {
        progress.failed += 1;
        firstFailure ??= `${status === null ? 'network error' : `HTTP ${status}`}: ${message}`;
        return false;
      }
      progress.retries += 1;
      await sleep(100 * 2 ** attempt, options.signal);
    }
  }

  async function worker(): Promise<void> {
    while (!refused && !options.signal?.aborted && next < deliveries.length) {
      const delivery = deliveries[next++]!;
      if (Number.isFinite(options.speed)) {
        await sleep(wallStart + (delivery.at - options.timelineStart) / options.speed - Date.now(), options.signal);
      }
      let ok: boolean;
      try {
        ok = await postOne(delivery);
      } catch (error) {
        if (error instanceof ReceiverRefused) refused ??= error;
        else if (!options.signal?.aborted) throw error;
        return;
      }
      if (ok) progress.sent += 1;
      options.onProgress?.(progress);
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (refused) throw refused;
  return { ...progress, elapsedMs: Date.now() - wallStart, firstFailure };
}
