// Refused deliveries, newest first, updating live: where a technician looks when SimplyPrint says
// "sent" and the event log shows nothing.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectionItem } from '../../../../src/shared/schemas.js';
import { useApi } from '../../api/ApiContext.js';
import { usePush } from '../../api/usePush.js';
import { useReloadOnReconnect } from '../../api/useReloadOnReconnect.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RejectionRow } from './RejectionRow.js';
import { addPushed, appendPage, mergeFirstPage } from './rejectionList.js';

const PAGE = 100;

export function RejectionsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [items, setItems] = useState<readonly RejectionItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();

  const load = useCallback(
    (after: string | null) => {
      setLoading(true);
      api.listRejections({ limit: PAGE, ...(after ? { cursor: after } : {}) }).then(
        (page) => {
          setItems((prev) => (after ? appendPage(prev, page.items) : mergeFirstPage(prev, page.items)));
          setCursor(page.nextCursor);
          setError(undefined);
          setLoading(false);
        },
        (err: unknown) => {
          setError(err instanceof Error ? err : new Error(String(err)));
          setLoading(false);
        },
      );
    },
    [api],
  );
  const reloadHead = useCallback(() => load(null), [load]);
  useEffect(reloadHead, [reloadHead]);
  useReloadOnReconnect(reloadHead);
  usePush((push) => {
    if (push.type === 'rejection.recorded') setItems((prev) => addPushed(prev, push.rejection));
  });

  return (
    <div className="page">
      <PageHeader title={t('rejections.title')} subtitle={t('rejections.subtitle')} />
      {error ? <ErrorNote error={error} onRetry={() => load(null)} /> : null}
      {items.length === 0 && !loading && !error ? (
        <EmptyState title={t('rejections.empty')}>
          <p>{t('rejections.emptyHint')}</p>
        </EmptyState>
      ) : (
        <div className="card card-flush">
          <div className="rejection-head" aria-hidden="true">
            <span>{t('rejections.col.reason')}</span>
            <span>{t('rejections.col.status')}</span>
            <span>{t('rejections.col.time')}</span>
            <span>{t('rejections.col.from')}</span>
            <span>{t('rejections.col.request')}</span>
            <span>{t('rejections.col.size')}</span>
          </div>
          <ul className="rejections" aria-label={t('rejections.title')}>
            {items.map((item) => (
              <RejectionRow key={item.id} item={item} />
            ))}
          </ul>
          {cursor ? (
            <div className="load-more">
              <button type="button" className="btn" onClick={() => load(cursor)} disabled={loading}>
                {loading ? t('common.loading') : t('common.loadMore')}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
