// The event log's data: the first page for the current filter, further pages as the operator
// scrolls (keyset cursors, never offsets), and live arrivals merged in through the reducer.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { describeEvent } from '../../../../src/shared/events.js';
import type { EventItem } from '../../../../src/shared/schemas.js';
import { useApi } from '../../api/ApiContext.js';
import { usePush } from '../../api/usePush.js';
import { useReloadOnReconnect } from '../../api/useReloadOnReconnect.js';
import { filterToQuery, matchesFilter, type EventFilter } from './filter.js';
import { initialLiveList, liveListReducer, needsReload } from './liveList.js';

const PAGE_SIZE = 200;

const labelsOf = (item: EventItem) => {
  const { label } = describeEvent(item.event);
  return [label.en, label.ru];
};

export function useEventLog(filter: EventFilter) {
  const api = useApi();
  const [state, dispatch] = useReducer(liveListReducer, initialLiveList);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error>();
  const generation = useRef(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    dispatch({ type: 'reloading' });
    api.listEvents(filterToQuery(filterRef.current, PAGE_SIZE)).then(
      (page) => {
        if (mine !== generation.current) return;
        dispatch({ type: 'loaded', items: page.items, nextCursor: page.nextCursor });
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
  }, [api]);

  useEffect(reload, [reload, filter]);

  const loadMore = useCallback(() => {
    if (!state.nextCursor || loadingMore || loading) return;
    const mine = generation.current;
    setLoadingMore(true);
    api.listEvents({ ...filterToQuery(filterRef.current, PAGE_SIZE), cursor: state.nextCursor }).then(
      (page) => {
        setLoadingMore(false);
        if (mine === generation.current) dispatch({ type: 'appended', items: page.items, nextCursor: page.nextCursor });
      },
      (err: unknown) => {
        setLoadingMore(false);
        setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }, [api, state.nextCursor, loadingMore, loading]);

  usePush((push) => {
    if (push.type === 'event.stored') {
      if (matchesFilter(push.event, filterRef.current, labelsOf(push.event))) dispatch({ type: 'arrived', item: push.event });
    } else if (push.type === 'event.duplicate') {
      dispatch({ type: 'duplicate', id: push.id, duplicates: push.duplicates });
    }
  });

  useReloadOnReconnect(reload);

  const showPending = useCallback(() => {
    if (needsReload(state)) reload();
    else dispatch({ type: 'showPending' });
  }, [state, reload]);

  const setAtTop = useCallback((atTop: boolean) => dispatch({ type: 'scrolled', atTop }), []);

  return { state, loading, loadingMore, error, reload, loadMore, showPending, setAtTop };
}
