// Chooses the transport: IPC when the Electron preload exposed `window.bridge`, otherwise HTTP + SSE
// to the control server this page was served from. Components only ever see the AppApi.
import type { AppApi } from '../../../src/shared/api.js';
import { createHttpApi } from '../../../src/shared/client/http.js';
import { createIpcApi, type FarmhookBridge } from '../../../src/shared/client/ipc.js';
import { takeToken } from './token.js';

declare global {
  interface Window {
    bridge?: FarmhookBridge;
  }
}

export type ApiClientResult = { api: AppApi; transport: 'ipc' | 'http' } | { api: null; transport: 'http'; reason: 'no_token' };

export function createApiClient(win: Window = window): ApiClientResult {
  if (win.bridge) return { api: createIpcApi(win.bridge), transport: 'ipc' };
  const token = takeToken(win);
  if (!token) return { api: null, transport: 'http', reason: 'no_token' };
  return { api: createHttpApi({ baseUrl: win.location.origin, token }), transport: 'http' };
}
