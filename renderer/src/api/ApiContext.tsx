// Gives every component the AppApi (and, over HTTP, the live connection state) without prop drilling.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppApi } from '../../../src/shared/api.js';
import type { ConnectionState, LiveConnection } from '../../../src/shared/client/http.js';

const ApiContext = createContext<AppApi | null>(null);

export function ApiProvider({ api, children }: { api: AppApi; children: ReactNode }) {
  // The stream stays open for the app's lifetime rather than per page: closing it when one page
  // unmounts and reopening it for the next would drop whatever was pushed in between.
  useEffect(() => api.subscribe(() => undefined), [api]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): AppApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

function isLive(api: AppApi): api is AppApi & LiveConnection {
  return typeof (api as Partial<LiveConnection>).watchConnection === 'function';
}

/** The stream's state; an API without a connection notion (IPC) is always open. */
export function useConnectionState(): ConnectionState {
  const api = useApi();
  const [state, setState] = useState<ConnectionState>(isLive(api) ? 'connecting' : 'open');
  useEffect(() => (isLive(api) ? api.watchConnection(setState) : undefined), [api]);
  return state;
}
