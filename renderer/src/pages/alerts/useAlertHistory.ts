// Resolved alerts, newest first, a page at a time; re-read when an alert resolves.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../../../src/shared/alerts.js';
import { useApi } from '../../api/ApiContext.js';
import { useThrottledRefresh } from '../../api/usePush.js';

const PAGE = 50;

export function useAlertHistory() {
  const api = useApi();
  const [items, setItems] = useState<Alert[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const generation = useRef(0);

  const load = useCallback(
    (cursor?: string) => {
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      api.listAlerts({ status: 'resolved', limit: PAGE, ...(cursor ? { cursor } : {}) }).then(
        (page) => {
          if (mine !== generation.current) return;
          setItems((old) => (cursor ? [...old, ...page.items.filter((a) => !old.some((o) => o.id === a.id))] : page.items));
          setNextCursor(page.nextCursor);
          setError(undefined);
          setLoading(false);
        },
        (err: unknown) => {
          if (mine !== generation.current) return;
          setError(err instanceof Error ? err : new Error(String(err)));
          setLoading(false);
        },
      );
    },
    [api],
  );

  const reload = useCallback(() => load(), [load]);
  useEffect(reload, [reload]);
  useThrottledRefresh((push) => push.type === 'alert.changed' && push.alert.status === 'resolved', reload, 1000);

  const loadMore = useCallback(() => {
    if (nextCursor && !loading) load(nextCursor);
  }, [load, nextCursor, loading]);

  return { items, nextCursor, loading, error, reload, loadMore };
}
