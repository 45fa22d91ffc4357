// The AppApi over Electron IPC: the seam the desktop shell plugs into. The preload script exposes
// `window.bridge` (contextBridge) with two functions; errors come back as values rather than
// rejections because Electron flattens a rejected invoke into a plain Error and loses the code.
import { AppApiError, type AppApi } from '../api.js';
import type { PushEvent } from '../push.js';

export type BridgeResult = { ok: true; data: unknown } | { ok: false; error: { error: string; message: string; status: number } };

/** Blobs do not cross IPC: an export travels as text and becomes a Blob again here. */
export interface ExportOverIpc {
  fileName: string;
  text: string;
  type: string;
}

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
    return result.data as T;
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
    exportEvents: async (query, format) => {
      const file = await call<ExportOverIpc>('exportEvents', query, format);
      return { fileName: file.fileName, blob: new Blob([file.text], { type: file.type }) };
    },
    statsDeliveries: (query) => call('statsDeliveries', query),
    statsPrinters: (query) => call('statsPrinters', query),
    statsFarm: (query) => call('statsFarm', query),
    listPrinters: () => call('listPrinters'),
    listForwardDestinations: () => call('listForwardDestinations'),
    getForwardDestination: (id) => call('getForwardDestination', id),
    createForwardDestination: (input) => call('createForwardDestination', input),
    updateForwardDestination: (id, input) => call('updateForwardDestination', id, input),
    deleteForwardDestination: (id) => call('deleteForwardDestination', id),
    testForwardDestination: (id) => call('testForwardDestination', id),
    resumeForwardDestination: (id) => call('resumeForwardDestination', id),
    replayToForwardDestination: (id, eventIds) => call('replayToForwardDestination', id, eventIds),
    listForwardDeliveries: (query) => call('listForwardDeliveries', query),
    getForwardDelivery: (id) => call('getForwardDelivery', id),
    retryForwardDelivery: (id) => call('retryForwardDelivery', id),
    listForwardAttempts: (query) => call('listForwardAttempts', query),
    forwardStats: () => call('forwardStats'),
    listAlerts: (query) => call('listAlerts', query),
    acknowledgeAlert: (id) => call('acknowledgeAlert', id),
    alertSettings: () => call('alertSettings'),
    updateAlertSettings: (update) => call('updateAlertSettings', update),
    pauseAlerts: (minutes) => call('pauseAlerts', minutes),
    setupSettings: () => call('setupSettings'),
    updateSetupSettings: (update) => call('updateSetupSettings', update),
    generateWebhookSecret: () => call('generateWebhookSecret'),
    setWebhookSecret: (secret) => call('setWebhookSecret', secret),
    setSimplyPrintConnection: (input) => call('setSimplyPrintConnection', input),
    validateSimplyPrint: () => call('validateSimplyPrint'),
    checkSimplyPrintWebhook: () => call('checkSimplyPrintWebhook'),
    saveSimplyPrintWebhook: (input) => call('saveSimplyPrintWebhook', input),
    triggerTestDelivery: () => call('triggerTestDelivery'),
    waitForTestDelivery: (query) => call('waitForTestDelivery', query),
    probeLan: () => call('probeLan'),
    probePublic: (request) => call('probePublic', request),
    tunnelStatus: () => call('tunnelStatus'),
    startTunnel: () => call('startTunnel'),
    stopTunnel: () => call('stopTunnel'),
    wizardState: () => call('wizardState'),
    updateWizardState: (update) => call('updateWizardState', update),
    downtime: () => call('downtime'),
    subscribe: (listener) => bridge.onPush(listener),
  };
}
