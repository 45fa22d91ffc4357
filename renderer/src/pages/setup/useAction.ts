// Runs one button's request at a time and remembers its failure, so every step shows "busy" and
// an error the same way without repeating the bookkeeping.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<void>;
  busy: boolean;
  error: Error | undefined;
  clearError: () => void;
}

export function useAction<A extends unknown[]>(work: (...args: A) => Promise<void>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const mounted = useRef(true);
  const latest = useRef(work);
  latest.current = work;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      await latest.current(...args);
    } catch (err) {
      if (mounted.current) setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { run, busy, error, clearError: useCallback(() => setError(undefined), []) };
}
