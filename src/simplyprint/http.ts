// One HTTP exchange with SimplyPrint's API: builds `<base>/<company>/<call>`, sends the key in
// `X-API-KEY`, enforces the timeout, reads `{status, message, ...}` and turns every failure into a
// SimplyPrintError. The global `fetch` (undici, Node 20) does the work.
import { errorFor, errorFromAnswer, errorFromFailure, type CallContext } from './classify.js';
import { SimplyPrintError } from './errors.js';
import { isObject } from './parse.js';
import type { ServerTime, SimplyPrintCall } from './types.js';

export interface Connection {
  apiKey: string;
  companyId: number;
  baseUrl: string;
  timeoutMs: number;
}

export interface Request {
  method: 'GET' | 'POST';
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface Answer {
  json: Record<string, unknown>;
  serverTime: ServerTime | null;
}

// A header value fetch would refuse; undici's refusal message quotes the value, i.e. the key.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** Problems that need no round trip, reported before anything is sent. */
function checkConnection(conn: Connection, ctx: CallContext): { url: URL } {
  const key = conn.apiKey.trim();
  if (key === '') {
    throw new SimplyPrintError('bad_key', 'No SimplyPrint API key is set. Create one in the SimplyPrint panel (account settings → API) and paste it here.', { call: ctx.call });
  }
  if (!HEADER_SAFE.test(key)) {
    throw new SimplyPrintError('bad_key', 'The API key contains spaces or characters an API key never has. Copy it again from the SimplyPrint panel.', { call: ctx.call });
  }
  if (!Number.isSafeInteger(conn.companyId) || conn.companyId <= 0) {
    throw new SimplyPrintError('config', 'The company id must be a positive whole number: the one in panel addresses simplyprint.io/panel/<id>/...', { call: ctx.call });
  }
  let base: URL;
  try {
    base = new URL(conn.baseUrl.endsWith('/') ? conn.baseUrl : `${conn.baseUrl}/`);
  } catch {
    throw new SimplyPrintError('config', 'The SimplyPrint API address is not a valid URL.', { call: ctx.call });
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new SimplyPrintError('config', 'The SimplyPrint API address must start with https://.', { call: ctx.call });
  }
  return { url: new URL(`${conn.companyId}/${ctx.call}`, base) };
}

function serverTimeOf(res: Response, sentAt: Date, receivedAt: Date): ServerTime | null {
  const header = res.headers.get('date');
  const ms = header ? Date.parse(header) : NaN;
  return Number.isNaN(ms) ? null : { date: new Date(ms), sentAt, receivedAt };
}

/** What error messages for this call may draw on. */
export function callContext(conn: Connection, call: SimplyPrintCall, requestBody?: Record<string, unknown>): CallContext {
  const ctx: CallContext = { call, companyId: conn.companyId, host: hostOf(conn.baseUrl), timeoutMs: conn.timeoutMs, apiKey: conn.apiKey };
  if (requestBody) ctx.requestBody = requestBody;
  return ctx;
}

export async function exchange(conn: Connection, call: SimplyPrintCall, req: Request): Promise<Answer> {
  // The query stands in for a body on GETs, so a refused `event=` parameter can be named too.
  const ctx = callContext(conn, call, req.body ?? req.query);
  const { url } = checkConnection(conn, ctx);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);

  const timeout = AbortSignal.timeout(conn.timeoutMs);
  const headers: Record<string, string> = { 'X-API-KEY': conn.apiKey.trim(), Accept: 'application/json' };
  if (req.body) headers['Content-Type'] = 'application/json';

  const sentAt = new Date();
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: req.method,
      headers,
      body: req.body ? JSON.stringify(req.body) : null,
      signal: req.signal ? AbortSignal.any([timeout, req.signal]) : timeout,
      // A redirect would carry X-API-KEY to wherever it points: treat it as "not the API" instead.
      redirect: 'manual',
    });
    text = await res.text();
  } catch (err) {
    if (req.signal?.aborted) throw err;
    throw errorFromFailure(err, ctx);
  }
  const serverTime = serverTimeOf(res, sentAt, new Date());

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const answer = {
    status: res.status,
    headers: res.headers,
    json,
    ...(serverTime ? { serverTime } : {}),
  };
  if (res.status >= 200 && res.status < 300 && isObject(json) && json.status !== false) {
    return { json, serverTime };
  }
  if (res.status >= 300 && res.status < 400) {
    throw errorFor('unexpected_answer', ctx, { httpStatus: res.status, ...(serverTime ? { serverTime } : {}) });
  }
  throw errorFromAnswer(answer, ctx);
}
