// The AppApi over Electron IPC: the seam the desktop shell plugs into. The preload script exposes
// `window.bridge` (contextBridge) with two functions; errors come back as values rather than
// rejections because Electron flattens a rejected invoke into a plain Error and loses the code.
import { AppApiError, type AppApi } from '../api.js';
import type { PushEvent } from '../push.js';

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: { error: string; message: string; status: number } };

export interface FarmhookBridge {
  /** Calls AppApi method `method` in the main process with `args`. */
  invoke(method: string, args: unknown[]): Promise<BridgeResult>;
  /** Receives every push; returns the unsubscribe. */
  onPush(listener: (push: PushEvent) => void): () => void;
}

export function createIpcApi(bridge: FarmhookBridge): AppApi {
  const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const result = await bridge.invoke(method, args);
    if (!result.ok) throw new AppApiError(result.error.error, result.error.message, result.error.status);
    return result.value as T;
  };
  return {
    status: () => call('status'),
    health: () => call('health'),
    listEvents: (query) => call('listEvents', query),
    getEvent: (id) => call('getEvent', id),
    statsSummary: () => call('statsSummary'),
    listRejections: (query) => call('listRejections', query),
    countEventsOlderThan: (days) => call('countEventsOlderThan', days),
    deleteEventsOlderThan: (days) => call('deleteEventsOlderThan', days),
    exportEvents: (query, format) => call('exportEvents', query, format),
    statsDeliveries: (query) => call('statsDeliveries', query),
    statsPrinters: (query) => call('statsPrinters', query),
    statsFarm: (query) => call('statsFarm', query),
    listPrinters: () => call('listPrinters'),
    subscribe: (listener) => bridge.onPush(listener),
  };
}
