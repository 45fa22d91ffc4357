// Destinations with their statistics, re-read when the core says something changed: an attempt was
// logged or a destination paused, was disabled or resumed (`forward.changed`), or events were
// stored (jobs were queued). Bursts are coalesced into one read per interval.
import { useEffect, useMemo, useState } from 'react';
import type { Destination, DestinationStats } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { useThrottledRefresh } from '../../api/usePush.js';
import { useReloadOnReconnect } from '../../api/useReloadOnReconnect.js';

export interface DestinationRow {
  destination: Destination;
  stats: DestinationStats | undefined;
}

export function useForwarding() {
  const api = useApi();
  const data = useAsync(() => Promise.all([api.listForwardDestinations(), api.forwardStats()]), [api]);
  const { reload } = data;
  useThrottledRefresh((push) => push.type === 'event.stored' || push.type === 'forward.changed', reload, 1000);
  useReloadOnReconnect(reload);
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
