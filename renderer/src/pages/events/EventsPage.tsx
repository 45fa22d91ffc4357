// The event log page: filters, the live virtualised list, the detail panel, export and retention.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { useHashItem } from '../../app/useHashItem.js';
import { useAsync } from '../../api/useAsync.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useFormat } from '../../format/useFormat.js';
import { EventDetailPanel } from './EventDetailPanel.js';
import { EventFilters } from './EventFilters.js';
import { EventList } from './EventList.js';
import { ExportButtons } from './ExportButtons.js';
import { EMPTY_FILTER, filterToQuery, isFilterActive, type EventFilter } from './filter.js';
import { NewEventsPill } from './NewEventsPill.js';
import { RetentionControl } from './RetentionControl.js';
import { useEventLog } from './useEventLog.js';

export function EventsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [draft, setDraft] = useState<EventFilter>(EMPTY_FILTER);
  const filter = useDebounced(draft, 250);
  const log = useEventLog(filter);
  // The open event lives in the address (`#/events/<id>`): notifications and tray alerts link there.
  const [selected, setSelected] = useHashItem('events');
  const [actionError, setActionError] = useState<Error>();
  const [scrollSignal, setScrollSignal] = useState(0);
  const status = useAsync(() => api.status(), [api]);
  const printers = useAsync(() => api.listPrinters(), [api]);
  const query = useMemo(() => filterToQuery(filter), [filter]);
  const close = useCallback(() => setSelected(null), []);

  const showPending = () => {
    log.showPending();
    setScrollSignal((n) => n + 1);
  };

  return (
    <div className={`page page-events${selected ? ' with-detail' : ''}`}>
      <PageHeader
        title={t('events.title')}
        subtitle={
          log.loading && log.state.items.length === 0
            ? t('common.loading')
            : t(log.state.nextCursor ? 'events.shownMore' : 'events.shown', { count: log.state.items.length, formatted: format.number(log.state.items.length) })
        }
        actions={<ExportButtons query={query} onError={setActionError} />}
      />
      <EventFilters filter={draft} printers={printers.data?.items ?? []} onChange={setDraft} />
      {actionError ? <ErrorNote error={actionError} onRetry={() => setActionError(undefined)} /> : null}
      {log.error ? <ErrorNote error={log.error} onRetry={log.reload} /> : null}
      <div className="events-body">
        <div className="events-list-wrap">
          <NewEventsPill count={log.state.pendingCount} onShow={showPending} />
          {!log.loading && log.state.items.length === 0 && !log.error ? (
            <EmptyState title={isFilterActive(filter) ? t('events.emptyFiltered') : t('events.empty')}>
              {isFilterActive(filter) ? null : <p>{t('events.emptyHint')}</p>}
            </EmptyState>
          ) : (
            <EventList
              items={log.state.items}
              hasMore={log.state.nextCursor !== null}
              loadingMore={log.loadingMore}
              selectedId={selected}
              onOpen={setSelected}
              onLoadMore={log.loadMore}
              onAtTopChange={log.setAtTop}
              scrollToTopSignal={scrollSignal}
            />
          )}
        </div>
        {selected ? <EventDetailPanel id={selected} status={status.data} onClose={close} /> : null}
      </div>
      <footer className="events-foot">
        <RetentionControl onDeleted={log.reload} onError={setActionError} />
      </footer>
    </div>
  );
}
