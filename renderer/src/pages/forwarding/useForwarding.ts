// Destinations with their statistics. Forwarding has no push of its own, so while the page is open
// the figures are re-read every few seconds, and at once after stored events (jobs were queued).
import { useEffect, useMemo, useState } from 'react';
import type { Destination, DestinationStats } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { useThrottledRefresh } from '../../api/usePush.js';

export const REFRESH_MS = 5000;

export interface DestinationRow {
  destination: Destination;
  stats: DestinationStats | undefined;
}

export function useForwarding() {
  const api = useApi();
  const data = useAsync(() => Promise.all([api.listForwardDestinations(), api.forwardStats()]), [api]);
  const { reload } = data;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useThrottledRefresh((push) => push.type === 'event.stored', reload, 1500);
  // Bumped on every answer, so the open delivery log re-reads along with the figures.
  const [version, setVersion] = useState(0);
  useEffect(() => setVersion((n) => n + 1), [data.data]);

  const rows = useMemo<DestinationRow[]>(() => {
    const [list, stats] = data.data ?? [];
    const byId = new Map((stats?.items ?? []).map((s) => [s.destinationId, s]));
    return (list?.items ?? []).map((destination) => ({ destination, stats: byId.get(destination.id) }));
  }, [data.data]);

  return { rows, loaded: data.data !== undefined, error: data.error, reload, version };
}
