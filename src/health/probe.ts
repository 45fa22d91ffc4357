// Sends one reachability probe (see probe-registry.ts) and says in plain words what happened:
// arrived with its round trip, or a classified failure (DNS, refused, timeout, TLS, the wrong
// service answering, an HTTP error from whatever sits in between).
import type { ProbeFailure, ProbeResult } from '../shared/setup.js';
import { PROBE_HEADER, UNKNOWN_PROBE_HEADER, type ProbeRegistry } from './probe-registry.js';

export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|EPROTO$|ERR_OSSL)/;

/** The system error code behind a failed fetch (undici nests it in `cause`, sometimes twice). */
function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function classifyFetchError(error: unknown): { failure: ProbeFailure; detail: string } {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return { failure: 'timeout', detail: 'no answer' };
  const code = errorCode(error) ?? 'unknown';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return { failure: 'dns', detail: code };
  if (code === 'ECONNREFUSED') return { failure: 'refused', detail: code };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { failure: 'timeout', detail: code };
  if (TLS_CODES.test(code)) return { failure: 'tls', detail: code };
  return { failure: 'network', detail: code };
}

const ADVICE: Record<ProbeFailure, string> = {
  dns: 'The name does not resolve: check the spelling, that the DDNS name is updated, or (for a new tunnel URL) wait a few seconds and try again.',
  refused: 'Nothing accepts connections there: the port is closed, the router does not forward it to this PC, or the tunnel/proxy is not running.',
  timeout: 'No answer in time: a firewall probably drops the traffic, or the router forwards the port to another device.',
  tls: 'The HTTPS handshake failed: the certificate is invalid for this name, or the address speaks plain HTTP (use http://).',
  wrong_service: 'Something answered, but not this FarmHook: the port forward or proxy points at another program or device.',
  http_4xx: 'An error page came back instead of FarmHook: the proxy or tunnel does not pass this path to FarmHook, or it needs a login.',
  http_5xx: 'The proxy or tunnel answered with an error: it is up but cannot reach FarmHook (wrong local port, or FarmHook listens on another address).',
  invalid_url: 'This is not an http:// or https:// address.',
  network: 'The connection failed on the way (reset or unreachable network).',
};

export interface ProbeOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function sendProbe(registry: ProbeRegistry, target: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const checkedAt = new Date().toISOString();
  const result = (fields: Partial<ProbeResult> & Pick<ProbeResult, 'ok' | 'message'>): ProbeResult => ({
    target,
    roundTripMs: null,
    failure: null,
    httpStatus: null,
    arrivedFrom: null,
    checkedAt,
    ...fields,
  });
  let url: URL;
  try {
    url = new URL(target);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    return result({ ok: false, failure: 'invalid_url', message: ADVICE.invalid_url });
  }
  const nonce = registry.issue();
  const started = performance.now();
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { [PROBE_HEADER]: nonce, 'content-type': 'application/json' },
        body: '{"event":"farmhook.probe"}',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS),
      });
      await response.arrayBuffer();
    } catch (error) {
      const { failure, detail } = classifyFetchError(error);
      const arrival = registry.arrival(nonce);
      if (arrival) {
        // It got here; only the answer was lost on the way back. SimplyPrint's deliveries would arrive.
        return result({ ok: true, roundTripMs: Math.round(performance.now() - started), arrivedFrom: arrival.remoteAddress, message: `The probe arrived, but its answer was lost on the way back (${detail}).` });
      }
      return result({ ok: false, failure, message: `${failureTitle(failure)} (${detail}). ${ADVICE[failure]}` });
    }
    const roundTripMs = Math.round(performance.now() - started);
    const arrival = registry.arrival(nonce);
    const echoed = response.headers.get(PROBE_HEADER) === nonce;
    if (arrival && response.ok) {
      return result({ ok: true, roundTripMs, httpStatus: response.status, arrivedFrom: arrival.remoteAddress, message: `Reached this FarmHook in ${roundTripMs} ms.` });
    }
    if (arrival) {
      return result({ ok: false, roundTripMs, httpStatus: response.status, failure: response.status >= 500 ? 'http_5xx' : 'http_4xx', arrivedFrom: arrival.remoteAddress, message: `The probe arrived, but the answer came back as HTTP ${response.status}.` });
    }
    if (response.status >= 300 && response.status < 400) {
      return result({ ok: false, roundTripMs, httpStatus: response.status, failure: 'wrong_service', message: `The address redirects to ${response.headers.get('location') ?? 'another address'}; SimplyPrint needs the final address. ${ADVICE.wrong_service}` });
    }
    if (response.status === 404 && !echoed && response.headers.get(UNKNOWN_PROBE_HEADER) === '1') {
      return result({ ok: false, roundTripMs, httpStatus: 404, failure: 'wrong_service', message: 'Another FarmHook answered (not this one): the port forward or proxy points at a different PC.' });
    }
    if (response.status >= 500) return result({ ok: false, roundTripMs, httpStatus: response.status, failure: 'http_5xx', message: `HTTP ${response.status}. ${ADVICE.http_5xx}` });
    if (response.status >= 400) return result({ ok: false, roundTripMs, httpStatus: response.status, failure: 'http_4xx', message: `HTTP ${response.status}. ${ADVICE.http_4xx}` });
    return result({ ok: false, roundTripMs, httpStatus: response.status, failure: 'wrong_service', message: `HTTP ${response.status} from ${response.headers.get('server') ?? 'an unknown server'}. ${ADVICE.wrong_service}` });
  } finally {
    registry.settle(nonce);
  }
}

function failureTitle(failure: ProbeFailure): string {
  return {
    dns: 'The name does not resolve',
    refused: 'Connection refused',
    timeout: 'No answer in time',
    tls: 'HTTPS handshake failed',
    wrong_service: 'The wrong service answered',
    http_4xx: 'HTTP error',
    http_5xx: 'HTTP error',
    invalid_url: 'Invalid address',
    network: 'Network error',
  }[failure];
}
