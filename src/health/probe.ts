// Sends one reachability probe (see probe-registry.ts) and says in plain words what happened:
// arrived with its round trip, or a classified failure (DNS, refused, timeout, TLS, the wrong
// service answering, an HTTP error from whatever sits in between).
import { englishOf, healthMessage, type HealthMessage, type HealthMessageKey } from '../shared/health-messages.js';
import type { ProbeFailure, ProbeResult } from '../shared/setup.js';
import { nested } from './check.js';
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

/** `detail`: the system error code, or "no answer" (as a message: it is FarmHook's words) for a timeout. */
export function classifyFetchError(error: unknown): { failure: ProbeFailure; detail: string | HealthMessage } {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return { failure: 'timeout', detail: healthMessage('probe.no_answer') };
  const code = errorCode(error) ?? 'unknown';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return { failure: 'dns', detail: code };
  if (code === 'ECONNREFUSED') return { failure: 'refused', detail: code };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { failure: 'timeout', detail: code };
  if (TLS_CODES.test(code)) return { failure: 'tls', detail: code };
  return { failure: 'network', detail: code };
}

const ADVICE = {
  dns: 'probe.advice.dns',
  refused: 'probe.advice.refused',
  timeout: 'probe.advice.timeout',
  tls: 'probe.advice.tls',
  wrong_service: 'probe.advice.wrong_service',
  http_4xx: 'probe.advice.http_4xx',
  http_5xx: 'probe.advice.http_5xx',
  invalid_url: 'probe.advice.invalid_url',
  network: 'probe.advice.network',
} as const satisfies Record<ProbeFailure, HealthMessageKey>;

const TITLE = {
  dns: 'probe.title.dns',
  refused: 'probe.title.refused',
  timeout: 'probe.title.timeout',
  tls: 'probe.title.tls',
  wrong_service: 'probe.title.wrong_service',
  http_4xx: 'probe.title.http',
  http_5xx: 'probe.title.http',
  invalid_url: 'probe.title.invalid_url',
  network: 'probe.title.network',
} as const satisfies Record<ProbeFailure, HealthMessageKey>;

const advice = (failure: ProbeFailure) => nested(healthMessage(ADVICE[failure]));
const detailParam = (detail: string | HealthMessage) => (typeof detail === 'string' ? detail : nested(detail));

export interface ProbeOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function sendProbe(registry: ProbeRegistry, target: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const checkedAt = new Date().toISOString();
  const result = ({ message, ...fields }: Partial<Omit<ProbeResult, 'message' | 'messageRef'>> & Pick<ProbeResult, 'ok'> & { message: HealthMessage }): ProbeResult => ({
    target,
    roundTripMs: null,
    failure: null,
    httpStatus: null,
    arrivedFrom: null,
    checkedAt,
    ...fields,
    message: englishOf(message),
    messageRef: message,
  });
  let url: URL;
  try {
    url = new URL(target);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    return result({ ok: false, failure: 'invalid_url', message: healthMessage(ADVICE.invalid_url) });
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
        return result({ ok: true, roundTripMs: Math.round(performance.now() - started), arrivedFrom: arrival.remoteAddress, message: healthMessage('probe.answer_lost', { detail: detailParam(detail) }) });
      }
      return result({ ok: false, failure, message: healthMessage('probe.fetch_failed', { title: nested(healthMessage(TITLE[failure])), detail: detailParam(detail), advice: advice(failure) }) });
    }
    const roundTripMs = Math.round(performance.now() - started);
    const arrival = registry.arrival(nonce);
    const echoed = response.headers.get(PROBE_HEADER) === nonce;
    if (arrival && response.ok) {
      return result({ ok: true, roundTripMs, httpStatus: response.status, arrivedFrom: arrival.remoteAddress, message: healthMessage('probe.reached', { ms: roundTripMs }) });
    }
    const status = response.status;
    if (arrival) {
      return result({ ok: false, roundTripMs, httpStatus: status, failure: status >= 500 ? 'http_5xx' : 'http_4xx', arrivedFrom: arrival.remoteAddress, message: healthMessage('probe.arrived_http_error', { status }) });
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      const message =
        location === null
          ? healthMessage('probe.redirect_unknown', { advice: advice('wrong_service') })
          : healthMessage('probe.redirect', { location, advice: advice('wrong_service') });
      return result({ ok: false, roundTripMs, httpStatus: status, failure: 'wrong_service', message });
    }
    if (status === 404 && !echoed && response.headers.get(UNKNOWN_PROBE_HEADER) === '1') {
      return result({ ok: false, roundTripMs, httpStatus: 404, failure: 'wrong_service', message: healthMessage('probe.other_farmhook') });
    }
    if (status >= 500) return result({ ok: false, roundTripMs, httpStatus: status, failure: 'http_5xx', message: healthMessage('probe.http_error', { status, advice: advice('http_5xx') }) });
    if (status >= 400) return result({ ok: false, roundTripMs, httpStatus: status, failure: 'http_4xx', message: healthMessage('probe.http_error', { status, advice: advice('http_4xx') }) });
    const server = response.headers.get('server');
    const message =
      server === null
        ? healthMessage('probe.wrong_service_unknown', { status, advice: advice('wrong_service') })
        : healthMessage('probe.wrong_service', { status, server, advice: advice('wrong_service') });
    return result({ ok: false, roundTripMs, httpStatus: status, failure: 'wrong_service', message });
  } finally {
    registry.settle(nonce);
  }
}
