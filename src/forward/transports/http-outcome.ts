// Turns an HTTP answer into a send outcome, the same way for every HTTP-based destination.
import { parseRetryAfter } from '../backoff.js';
import type { PostResponse } from '../http-client.js';
import type { SendOutcome } from './transport.js';

export function httpOutcome(response: PostResponse, retryAfterMs: number | null = null): SendOutcome {
  const status = response.statusCode;
  const ok = status >= 200 && status < 300;
  const header = response.headers['retry-after'];
  return {
    ok,
    statusCode: status,
    responseBody: response.body,
    error: ok ? null : `HTTP ${status}`,
    retryAfterMs: ok ? null : (retryAfterMs ?? parseRetryAfter(Array.isArray(header) ? header[0] : header)),
    gone: status === 410,
  };
}
