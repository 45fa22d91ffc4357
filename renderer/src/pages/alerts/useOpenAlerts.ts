// The open alerts, live: loaded once, then kept current by `alert.changed` pushes, and re-read after
// the stream (re)opened (changes in between were missed).
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext.js';
import { usePush } from '../../api/usePush.js';
import { useReloadOnReconnect } from '../../api/useReloadOnReconnect.js';
import { initialOpenAlerts, openAlertsReducer } from './alertList.js';

export function useOpenAlerts() {
  const api = useApi();
  const [state, dispatch] = useReducer(openAlertsReducer, initialOpenAlerts);
  const [error, setError] = useState<Error>();
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    dispatch({ type: 'reloading' });
    api.listAlerts({ status: 'open', limit: 200 }).then(
      (page) => {
        if (mine !== generation.current) return;
        dispatch({ type: 'loaded', items: page.items });
        setError(undefined);
      },
      (err: unknown) => {
        if (mine === generation.current) setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }, [api]);

  useEffect(reload, [reload]);

  usePush((push) => {
    if (push.type === 'alert.changed') dispatch({ type: 'changed', alert: push.alert });
  });

  useReloadOnReconnect(reload);

  /** Acknowledges; the answer is applied at once (the push that follows changes nothing). */
  const acknowledge = useCallback(
    async (id: string) => {
      const alert = await api.acknowledgeAlert(id);
      dispatch({ type: 'changed', alert });
    },
    [api],
  );

  return { items: state.items, loaded: state.loaded, error, reload, acknowledge };
}
