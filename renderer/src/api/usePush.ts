// Subscribes a component to live pushes for as long as it is mounted.
import { useEffect, useRef } from 'react';
import type { PushEvent } from '../../../src/shared/push.js';
import { useApi } from './ApiContext.js';

export function usePush(listener: (push: PushEvent) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.subscribe((push) => latest.current(push)), [api]);
}

/**
 * Calls `refresh` after pushes that `matters` accepts, at most once per `intervalMs`: a burst of
 * deliveries re-reads a summary once rather than a hundred times.
 */
export function useThrottledRefresh(matters: (push: PushEvent) => boolean, refresh: () => void, intervalMs = 2000): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  usePush((push) => {
    if (!matters(push) || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, intervalMs);
  });
}
