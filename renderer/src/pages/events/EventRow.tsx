import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLabel } from '../../../../src/shared/events.js';
import type { EventItem } from '../../../../src/shared/schemas.js';
import { CategoryBadge } from '../../components/CategoryBadge.js';
import { useFormat } from '../../format/useFormat.js';

interface Props {
  item: EventItem;
  index: number;
  selected: boolean;
  onOpen: (id: string) => void;
  onKeyNav: (index: number, event: React.KeyboardEvent) => void;
}

/** One line of the log. Every value is plain text: payload fields are untrusted. */
export const EventRow = memo(function EventRow({ item, index, selected, onOpen, onKeyNav }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <button
      type="button"
      role="row"
      className={`event-row${selected ? ' selected' : ''}`}
      aria-selected={selected}
      data-event-id={item.id}
      data-row-index={index}
      onClick={() => onOpen(item.id)}
      onKeyDown={(e) => onKeyNav(index, e)}
    >
      <span role="cell" className="c-time" title={format.dateTime(item.receivedAt)}>
        {format.rowTime(item.receivedAt)}
      </span>
      <span role="cell" className="c-event">
        <span className="event-label">{eventLabel(item.event, format.lang)}</span>
        <span className="event-name mono">{item.event}</span>
      </span>
      <span role="cell" className="c-cat">
        <CategoryBadge category={item.category} />
      </span>
      <span role="cell" className="c-printer">{item.printerName ?? item.printerId ?? '—'}</span>
      <span role="cell" className="c-file">{item.jobFile ?? item.queueFile ?? '—'}</span>
      <span role="cell" className="c-user">
        {item.userName ?? ''}
        {item.duplicates > 0 ? (
          <span className="dup" title={t('events.duplicatesHint')}>
            ×{item.duplicates + 1}
          </span>
        ) : null}
      </span>
    </button>
  );
});
