// The main-process side of the bridge, as a pure function: who is calling (only the app's own page),
// which method (only AppApi's), with what (checked against the shared schemas), and the answer as
// `{ok, data}` or `{ok: false, error: {error, message, status}}` — the same codes HTTP answers with.
import { Value } from '@sinclair/typebox/value';
import { AppApiError, type AppApi, type EventExport } from '../src/shared/api.js';
import type { BridgeResult, ExportOverIpc } from '../src/shared/client/ipc.js';
import { IPC_METHODS, isInvokable } from './ipc-methods.js';

export const APP_ORIGIN = 'app://farmhook';

export interface DispatcherOptions {
  api: AppApi;
  /** Origins whose pages may call (the app protocol's, in tests anything). */
  allowedOrigins?: readonly string[];
  /** Unexpected failures (the answer only says "see the log"). */
  onError?: (method: string, error: unknown) => void;
}

const failure = (error: string, message: string, status: number): BridgeResult => ({ ok: false, error: { error, message, status } });

export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // Custom schemes have an opaque origin ("null") in WHATWG URL: build it from the parts.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function createDispatcher(options: DispatcherOptions) {
  const allowed = new Set(options.allowedOrigins ?? [APP_ORIGIN]);

  return async function dispatch(senderUrl: string | null | undefined, method: unknown, args: unknown): Promise<BridgeResult> {
    const origin = originOf(senderUrl);
    if (origin === null || !allowed.has(origin)) return failure('forbidden', 'Only the FarmHook window may call the app.', 403);
    if (!isInvokable(method)) return failure('unknown_method', `There is no method ${JSON.stringify(String(method)).slice(0, 80)}.`, 404);
    const schemas = IPC_METHODS[method];
    const given = Array.isArray(args) ? args : [];
    if (!Array.isArray(args) || given.length > schemas.length) {
      return failure('invalid_request', `${method} takes ${schemas.length} argument(s).`, 400);
    }
    // Defaults (page sizes and the like) are filled in as the HTTP routes do before checking.
    const checked: unknown[] = [];
    for (const [index, schema] of schemas.entries()) {
      const value = Value.Default(schema, structuredClone(given[index]));
      if (!Value.Check(schema, value)) {
        const first = Value.Errors(schema, value).First();
        const where = first?.path ? ` at ${first.path}` : '';
        return failure('invalid_request', `Argument ${index + 1} of ${method} is invalid${where}: ${first?.message ?? 'does not match'}.`, 400);
      }
      checked.push(value);
    }
    try {
      const result = await (options.api[method] as (...a: unknown[]) => Promise<unknown>)(...checked);
      return { ok: true, data: method === 'exportEvents' ? await exportOverIpc(result as EventExport) : result };
    } catch (error) {
      if (error instanceof AppApiError) return failure(error.code, error.message, error.status);
      options.onError?.(method, error);
      return failure('internal', 'Internal error; see the log.', 500);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

async function exportOverIpc(file: EventExport): Promise<ExportOverIpc> {
  return { fileName: file.fileName, text: await file.blob.text(), type: file.blob.type };
}
