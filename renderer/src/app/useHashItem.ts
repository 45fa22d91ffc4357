// The item named in the address (`#/events/1042`), kept in step both ways: a link or a notification
// that changes the hash selects the item; selecting one in the page rewrites the hash in place (no
// history entry per click), so a reload or a copied address shows the same thing.
import { useCallback, useEffect, useState } from 'react';
import { hrefOf, hrefOfItem, itemFromHash, type PageId } from './routes.js';

export function useHashItem(page: PageId): [string | null, (id: string | null) => void] {
  const [item, setItem] = useState(() => itemFromHash(window.location.hash, page));
  useEffect(() => {
    const onChange = () => setItem(itemFromHash(window.location.hash, page));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [page]);
  const select = useCallback(
    (id: string | null) => {
      setItem(id);
      const target = id ? hrefOfItem(page, id) : hrefOf(page);
      if (window.location.hash !== target) window.history.replaceState(window.history.state, '', target);
    },
    [page],
  );
  return [item, select];
}
