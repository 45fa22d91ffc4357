// Pushes sent while the live stream was not open are gone for good (the server keeps no replay
// buffer), so a list that shows live arrivals re-reads its head whenever the stream (re)opens after
// the component first loaded: at start-up the first page may be read before the stream is open,
// and after a drop anything delivered in between was never pushed.
import { useEffect, useRef } from 'react';
import { useConnectionState } from './ApiContext.js';

export function useReloadOnReconnect(reload: () => void): void {
  const connection = useConnectionState();
  const missedSome = useRef(connection !== 'open');
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (connection !== 'open') missedSome.current = true;
    else if (missedSome.current) {
      missedSome.current = false;
      latest.current();
    }
  }, [connection]);
}
