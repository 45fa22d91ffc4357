// The delivery log of one destination, newest first, a page at a time; re-read whenever the page's
// figures are (deliveries move from pending to delivered without a push).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { DeliveryRow } from './DeliveryRow.js';

const PAGE = 50;

export function DeliveryLog({ destinationId, refreshSignal, onChanged }: { destinationId: string; refreshSignal: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [items, setItems] = useState<Delivery[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [pages, setPages] = useState(1);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<Error>();
  const generation = useRef(0);

  // Re-reads as many rows as are shown, so a refresh does not collapse what was scrolled into view.
  const reload = useCallback(() => {
    const mine = ++generation.current;
    api.listForwardDeliveries({ destination: destinationId, limit: Math.min(1000, PAGE * pages) }).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setError(undefined);
        setLoaded(true);
      },
      (err: unknown) => {
        if (mine === generation.current) setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }, [api, destinationId, pages]);

  useEffect(reload, [reload, refreshSignal]);

  const retried = () => {
    reload();
    onChanged();
  };

  return (
    <section className="delivery-log" aria-labelledby={`log-${destinationId}`}>
      <h3 id={`log-${destinationId}`}>{t('forwarding.log.title')}</h3>
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {loaded && items.length === 0 ? (
        <EmptyState title={t('forwarding.log.empty')}>
          <p>{t('forwarding.log.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ul className="deliveries" data-testid="delivery-log">
          {items.map((d) => (
            <DeliveryRow key={d.id} delivery={d} onRetried={retried} />
          ))}
        </ul>
      )}
      {nextCursor ? (
        <div className="load-more">
          <button type="button" className="btn btn-small" onClick={() => setPages((n) => n + 1)}>
            {t('common.loadMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
