// The virtualised log: only the rows in view exist in the DOM, so a million stored events scroll as
// smoothly as a hundred. The next keyset page is fetched as the end comes into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventItem } from '../../../../src/shared/schemas.js';
import { EventRow } from './EventRow.js';

const ROW_HEIGHT = 52;

interface Props {
  items: EventItem[];
  hasMore: boolean;
  loadingMore: boolean;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onLoadMore: () => void;
  onAtTopChange: (atTop: boolean) => void;
  /** Bumped by the parent to scroll back to the newest row. */
  scrollToTopSignal: number;
}

export function EventList({ items, hasMore, loadingMore, selectedId, onOpen, onLoadMore, onAtTopChange, scrollToTopSignal }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => items[index]?.id ?? 'loader',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  useEffect(() => {
    if (scrollToTopSignal > 0) scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollToTopSignal]);

  const onKeyNav = useCallback(
    (index: number, event: React.KeyboardEvent) => {
      const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1, PageDown: index + 10, PageUp: index - 10 }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, target));
      virtualizer.scrollToIndex(next, { align: 'auto' });
      // The row may only exist after the virtualiser renders it.
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.focus();
      });
    },
    [items.length, virtualizer],
  );

  return (
    <div className="event-table" role="table" aria-label={t('events.listLabel')} aria-rowcount={items.length}>
      <div className="event-row event-head" role="row">
        <span role="columnheader">{t('events.col.time')}</span>
        <span role="columnheader">{t('events.col.event')}</span>
        <span role="columnheader">{t('events.col.category')}</span>
        <span role="columnheader">{t('events.col.printer')}</span>
        <span role="columnheader">{t('events.col.file')}</span>
        <span role="columnheader">{t('events.col.user')}</span>
      </div>
      <div
        ref={scrollRef}
        className="event-scroll"
        role="rowgroup"
        data-testid="event-scroll"
        onScroll={(e) => onAtTopChange(e.currentTarget.scrollTop < 8)}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const item = items[row.index];
            return (
              <div key={row.key} className="virtual-row" style={{ transform: `translateY(${row.start}px)`, height: row.size }}>
                {item ? (
                  <EventRow item={item} index={row.index} selected={item.id === selectedId} onOpen={onOpen} onKeyNav={onKeyNav} />
                ) : (
                  <div className="loader-row">{t('common.loading')}</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
