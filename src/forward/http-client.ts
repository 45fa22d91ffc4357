// One POST with everything a forward needs and fetch() does not give: a lookup that refuses
// metadata addresses, redirects followed only on the same host (re-POSTing the same body), one
// deadline over the whole exchange, and only the first 10 KiB of the answer kept.
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { assertAllowedHost, safeLookup } from './safety.js';

export const RESPONSE_BODY_LIMIT = 10 * 1024;
const MAX_REDIRECTS = 3;

export interface PostResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** First 10 KiB, as UTF-8 text. */
  body: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Network-level failure; the message is safe to store and show (no path, query or credentials). */
export class TransportError extends Error {
  override name = 'TransportError';
}

export function parseDestinationUrl(text: string, protocols: readonly string[] = ['http:', 'https:']): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TransportError('not a valid URL');
  }
  if (!protocols.includes(url.protocol)) throw new TransportError(`unsupported protocol ${url.protocol}`);
  assertAllowedHost(url.hostname);
  return url;
}

export async function postJson(target: string, options: PostOptions): Promise<PostResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parseDestinationUrl(target);
  const originHost = url.host;
  for (let redirects = 0; ; redirects += 1) {
    const response = await postOnce(url, options, signal);
    const location = response.headers.location;
    if (response.statusCode < 300 || response.statusCode >= 400 || !location) return response;
    if (redirects >= MAX_REDIRECTS) throw new TransportError(`too many redirects (${MAX_REDIRECTS})`);
    const next = new URL(location, url);
    if (next.host !== originHost) throw new TransportError(`redirect to another host (${next.hostname}) refused`);
    url = parseDestinationUrl(next.href);
  }
}

function postOnce(url: URL, options: PostOptions, signal: AbortSignal): Promise<PostResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const payload = Buffer.from(options.body, 'utf8');
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'FarmHook',
          ...options.headers,
          'content-length': String(payload.length),
        },
        lookup: safeLookup as never,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'),
          });
        response.on('data', (chunk: Buffer) => {
          if (size >= RESPONSE_BODY_LIMIT) return;
          chunks.push(chunk);
          size += chunk.length;
          // Enough kept: stop reading a huge answer instead of downloading it.
          if (size >= RESPONSE_BODY_LIMIT) {
            finish();
            response.destroy();
          }
        });
        response.on('end', finish);
        response.on('error', (error) => reject(describe(error, options.timeoutMs, signal)));
      },
    );
    request.on('error', (error) => reject(describe(error, options.timeoutMs, signal)));
    request.end(payload);
  });
}

function describe(error: Error, timeoutMs: number, signal: AbortSignal): TransportError {
  if (signal.aborted) return new TransportError(`timed out after ${timeoutMs} ms`);
  return new TransportError(error.message);
}
