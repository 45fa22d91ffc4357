// Turns what came back from SimplyPrint (an HTTP answer, or a failure to get one) into a
// SimplyPrintError with a message a technician can act on.
//
// SimplyPrint documents the status codes (401 wrong key, 403 not allowed, 429 slow down, 5xx its
// side) and two messages ("No API key provided, or not logged in", "You don't have access to this
// account"). The wording of plan and permission refusals is not documented, so those are recognised
// by keywords in the message (Print Farm / Pro / plan / permission); anything unrecognised keeps
// SimplyPrint's own message under a generic code rather than being guessed at.
import { SimplyPrintError, redact, type SimplyPrintErrorCode, type SimplyPrintErrorDetails } from './errors.js';
import type { ServerTime, SimplyPrintCall } from './types.js';

export interface CallContext {
  call: SimplyPrintCall;
  companyId: number;
  /** Host of the base URL, for network messages ("api.simplyprint.io"). */
  host: string;
  timeoutMs: number;
  apiKey: string;
  /** The JSON body sent, to name the offending value of a validation error. */
  requestBody?: Record<string, unknown>;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  json: unknown;
  serverTime?: ServerTime;
}

const PLAN_WORDS = /\b(plan|subscription|upgrade|tier)\b/i;

function serverMessageOf(json: unknown, apiKey: string): string | undefined {
  if (json && typeof json === 'object' && 'message' in json) {
    const m = (json as { message: unknown }).message;
    if (typeof m === 'string' && m.trim() !== '') return redact(m.trim(), apiKey).slice(0, 500);
  }
  return undefined;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "events.0" → the value sent at body.events[0], so the message can name it. */
function valueAtPath(body: Record<string, unknown> | undefined, path: string): unknown {
  let cur: unknown = body;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function classifyByMessage(message: string | undefined, call: SimplyPrintCall): SimplyPrintErrorCode | null {
  const m = message ?? '';
  if (/access to this account/i.test(m)) return 'no_company_access';
  if (/no api key|not logged in|invalid api key|api key .*(invalid|wrong)/i.test(m)) return 'bad_key';
  if (/print ?farm/i.test(m) || (PLAN_WORDS.test(m) && /webhook/i.test(m))) return 'plan_lacks_webhooks';
  if ((PLAN_WORDS.test(m) && /\bpro\b|\bapi\b/i.test(m)) || /api access/i.test(m)) return 'plan_lacks_api';
  if (PLAN_WORDS.test(m)) return call.startsWith('webhooks/') ? 'plan_lacks_webhooks' : 'plan_lacks_api';
  if (/permission/i.test(m)) return 'no_permission';
  if (/too many|rate limit|slow down/i.test(m)) return 'rate_limited';
  if (/not found|does not exist|doesn't exist|unknown webhook/i.test(m)) return 'not_found';
  if (/^[\w.]+: /.test(m) || /invalid|required|must be/i.test(m)) return 'validation';
  return null;
}

function codeForAnswer(answer: HttpAnswer, message: string | undefined, call: SimplyPrintCall): SimplyPrintErrorCode {
  const { status } = answer;
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  const byMessage = classifyByMessage(message, call);
  if (status === 401) return byMessage === 'no_company_access' ? byMessage : 'bad_key';
  if (byMessage) return byMessage;
  if (status === 403) return 'rejected';
  if (status === 404) return 'not_found';
  return 'rejected';
}

function describe(code: SimplyPrintErrorCode, ctx: CallContext, d: SimplyPrintErrorDetails): string {
  const said = d.serverMessage ? ` SimplyPrint said: "${d.serverMessage}".` : '';
  switch (code) {
    case 'bad_key':
      return 'SimplyPrint did not accept the API key. Copy it again in full from the SimplyPrint panel (account settings → API) and check it has not been deleted.';
    case 'no_company_access':
      return `The API key works, but its user has no access to company ${ctx.companyId}. Check the company id (the number in panel addresses simplyprint.io/panel/<id>/...) and that the key belongs to a member of that company.`;
    case 'no_permission':
      return `The API key's user is not allowed to do this (webhooks need the "webhooks_manage" permission). Ask a company admin to grant it, or use an admin's key.${said}`;
    case 'plan_lacks_webhooks':
      return `Company ${ctx.companyId} is not on SimplyPrint's Print Farm plan, which webhooks need. Without it SimplyPrint will not send events to FarmHook.${said}`;
    case 'plan_lacks_api':
      return `SimplyPrint's API is not available to company ${ctx.companyId} (it needs the Pro plan or organisation membership). Set the webhook up by hand in the panel instead: Settings → Webhooks → Create webhook.${said}`;
    case 'rate_limited':
      return d.retryAfterSeconds !== undefined
        ? `SimplyPrint is limiting requests from this key. Try again in ${d.retryAfterSeconds} s.`
        : 'SimplyPrint is limiting requests from this key. Wait a minute and try again.';
    case 'validation': {
      if (d.field && d.fieldValue !== undefined && typeof d.fieldValue !== 'object') {
        const what = /^events?(\.|$)/.test(d.field) ? 'event' : 'value';
        return `SimplyPrint refused the ${what} ${JSON.stringify(d.fieldValue)} (${d.field}).${said}`;
      }
      return `SimplyPrint refused the request.${said}`;
    }
    case 'not_found':
      return ctx.call.startsWith('webhooks/') && ctx.requestBody && 'id' in ctx.requestBody
        ? `Webhook ${String(ctx.requestBody.id)} does not exist in SimplyPrint (it may have been deleted in the panel).${said}`
        : `SimplyPrint does not know this request (${ctx.call}). Check the API base URL.${said}`;
    case 'server_error':
      return `SimplyPrint had a problem on its side (HTTP ${d.httpStatus ?? '5xx'}). Try again in a few minutes.${said}`;
    case 'unexpected_answer':
      return `The answer from ${ctx.host} was not SimplyPrint's API (HTTP ${d.httpStatus ?? '?'}). Check the API base URL, and any proxy between this PC and the internet.`;
    case 'dns':
      return `Could not look up ${ctx.host}. Check this PC's internet connection and DNS settings.`;
    case 'network':
      return `Could not connect to ${ctx.host}${d.systemCode ? ` (${d.systemCode})` : ''}. Check this PC's internet connection, firewall and proxy.`;
    case 'tls':
      return `The secure connection to ${ctx.host} failed${d.systemCode ? ` (${d.systemCode})` : ''}. A proxy or antivirus that intercepts HTTPS, or a wrong system clock, are the usual causes.`;
    case 'timeout':
      return `${ctx.host} did not answer within ${Math.round(ctx.timeoutMs / 1000)} s. The internet connection may be slow or SimplyPrint busy; try again.`;
    case 'config':
      return 'The SimplyPrint connection settings are incomplete.';
    case 'rejected':
      return `SimplyPrint refused the request (${ctx.call}${d.httpStatus ? `, HTTP ${d.httpStatus}` : ''}).${said}`;
  }
}

export function errorFor(code: SimplyPrintErrorCode, ctx: CallContext, details: Omit<SimplyPrintErrorDetails, 'call'> = {}): SimplyPrintError {
  const d: SimplyPrintErrorDetails = { ...details, call: ctx.call };
  return new SimplyPrintError(code, redact(describe(code, ctx, d), ctx.apiKey), d);
}

/** A refusal (status:false, or a non-2xx) or an answer that is not SimplyPrint's. */
export function errorFromAnswer(answer: HttpAnswer, ctx: CallContext): SimplyPrintError {
  const base: Omit<SimplyPrintErrorDetails, 'call'> = { httpStatus: answer.status };
  if (answer.serverTime) base.serverTime = answer.serverTime;
  const isApiShape = answer.json !== null && typeof answer.json === 'object' && !Array.isArray(answer.json);
  if (!isApiShape) {
    // Without SimplyPrint's JSON only the status code can speak: proxies and CDNs answer HTML.
    if (answer.status === 429) return errorFor('rate_limited', ctx, withRetry(base, answer));
    if (answer.status >= 500) return errorFor('server_error', ctx, base);
    if (answer.status === 401) return errorFor('bad_key', ctx, base);
    return errorFor('unexpected_answer', ctx, base);
  }
  const serverMessage = serverMessageOf(answer.json, ctx.apiKey);
  if (serverMessage) base.serverMessage = serverMessage;
  const code = codeForAnswer(answer, serverMessage, ctx.call);
  if (code === 'rate_limited') return errorFor(code, ctx, withRetry(base, answer));
  if (code === 'validation' && serverMessage) {
    const field = /^([\w]+(?:\.[\w]+)*): /.exec(serverMessage)?.[1];
    if (field) {
      base.field = field;
      base.fieldValue = valueAtPath(ctx.requestBody, field);
    }
  }
  return errorFor(code, ctx, base);
}

function withRetry(base: Omit<SimplyPrintErrorDetails, 'call'>, answer: HttpAnswer): Omit<SimplyPrintErrorDetails, 'call'> {
  const retryAfterSeconds = parseRetryAfter(answer.headers.get('retry-after'));
  return retryAfterSeconds === undefined ? base : { ...base, retryAfterSeconds };
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;

/** `fetch` failed before an answer: undici puts the system error in `cause`. */
export function errorFromFailure(err: unknown, ctx: CallContext): SimplyPrintError {
  const e = err as { name?: string; cause?: { code?: unknown; name?: string } } | undefined;
  if (e?.name === 'TimeoutError') return errorFor('timeout', ctx);
  const cause = e?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (cause?.name === 'ConnectTimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return errorFor('timeout', ctx, { systemCode: code ?? 'connect timeout' });
  }
  if (code && DNS_CODES.has(code)) return errorFor('dns', ctx, { systemCode: code });
  if (code && TLS_CODE.test(code)) return errorFor('tls', ctx, { systemCode: code });
  return errorFor('network', ctx, code ? { systemCode: code } : {});
}
