// Every way a SimplyPrint API call can fail, as one error type with a stable code (for the UI and
// health checks to branch on) and a message a technician can act on. Messages never contain the API
// key: they are built from the code, the company id, the call and SimplyPrint's own message, and
// SimplyPrint's message is scrubbed of the key in case a server ever echoes it.
import type { SimplyPrintErrorCode } from '../shared/simplyprint-errors.js';
import type { ServerTime, SimplyPrintCall } from './types.js';

export { SIMPLYPRINT_ERROR_CODES, type SimplyPrintErrorCode } from '../shared/simplyprint-errors.js';

export interface SimplyPrintErrorDetails {
  call: SimplyPrintCall;
  /** HTTP status of SimplyPrint's answer, when there was one. */
  httpStatus?: number;
  /** SimplyPrint's `message`, scrubbed of the API key. */
  serverMessage?: string;
  /** From a 429's `Retry-After` header (seconds or HTTP date), when given. */
  retryAfterSeconds?: number;
  /** For `validation`: the field SimplyPrint named ("events.0") and the value FarmHook sent there. */
  field?: string;
  fieldValue?: unknown;
  /** SimplyPrint's clock (`Date` header) when it refused, for clock-skew checks. */
  serverTime?: ServerTime;
  /** For network failures: the system error code (ENOTFOUND, ECONNREFUSED, ...). */
  systemCode?: string;
}

export class SimplyPrintError extends Error {
  readonly code: SimplyPrintErrorCode;
  readonly call: SimplyPrintCall;
  readonly httpStatus: number | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly field: string | undefined;
  readonly fieldValue: unknown;
  readonly serverTime: ServerTime | undefined;
  readonly systemCode: string | undefined;

  constructor(code: SimplyPrintErrorCode, message: string, details: SimplyPrintErrorDetails) {
    super(message);
    this.name = 'SimplyPrintError';
    this.code = code;
    this.call = details.call;
    this.httpStatus = details.httpStatus;
    this.serverMessage = details.serverMessage;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.field = details.field;
    this.fieldValue = details.fieldValue;
    this.serverTime = details.serverTime;
    this.systemCode = details.systemCode;
  }

  /** Worth trying again later without changing anything (the wizard offers "Retry"). */
  get retryable(): boolean {
    return ['rate_limited', 'server_error', 'dns', 'network', 'timeout'].includes(this.code);
  }

  /** Plain JSON for the control API / IPC (no stack, no key). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      call: this.call,
      httpStatus: this.httpStatus,
      serverMessage: this.serverMessage,
      retryAfterSeconds: this.retryAfterSeconds,
      field: this.field,
      systemCode: this.systemCode,
      retryable: this.retryable,
    };
  }
}

/** Removes every occurrence of the key (and of its trimmed form) from a text meant for people. */
export function redact(text: string, apiKey: string): string {
  let out = text;
  for (const k of new Set([apiKey, apiKey.trim()])) {
    if (k.length >= 4) out = out.split(k).join('[API key]');
  }
  return out;
}
