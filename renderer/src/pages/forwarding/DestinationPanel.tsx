// One destination: what it sends where, its actions (edit, send test, resume, delete), replay of
// stored events, and its delivery log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDetail, Destination } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';
import { Dialog } from '../../components/Dialog.js';
import { Icon } from '../../components/Icon.js';
import { useFormat } from '../../format/useFormat.js';
import { DeliveryLog } from './DeliveryLog.js';
import { DestinationState } from './DestinationState.js';
import { DestinationTarget } from './DestinationTarget.js';
import { ReplayForm } from './ReplayForm.js';
import { TestResult } from './TestResult.js';

interface Props {
  destination: Destination;
  refreshSignal: number;
  onEdit: () => void;
  onChanged: () => void;
  onDeleted: () => void;
  onClose: () => void;
}

export function DestinationPanel({ destination: d, refreshSignal, onEdit, onChanged, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const [busy, setBusy] = useState<'test' | 'resume' | 'delete' | null>(null);
  const [test, setTest] = useState<DeliveryDetail>();
  const [error, setError] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [logSignal, setLogSignal] = useState(0);

  const run = <T,>(kind: 'test' | 'resume' | 'delete', action: () => Promise<T>, after: (value: T) => void) => {
    setBusy(kind);
    setError(undefined);
    action().then(
      (value) => {
        setBusy(null);
        after(value);
      },
      (err: unknown) => {
        setBusy(null);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  const sendTest = () =>
    run('test', () => api.testForwardDestination(d.id), (result) => {
      setTest(result);
      setLogSignal((n) => n + 1);
      onChanged();
    });
  const resume = () => run('resume', () => api.resumeForwardDestination(d.id), onChanged);
  const remove = () =>
    run('delete', () => api.deleteForwardDestination(d.id), () => {
      setConfirmDelete(false);
      onDeleted();
    });

  return (
    <section className="card destination-panel" aria-labelledby={`destination-${d.id}`} data-testid="destination-panel" data-destination-id={d.id}>
      <div className="card-head">
        <h2 id={`destination-${d.id}`}>
          {d.name} <span className="muted">· {t(`forwarding.type.${d.type}`)}</span>
        </h2>
        <button type="button" className="btn btn-icon" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </div>
      <dl className="destination-facts">
        <div>
          <dt>{t('forwarding.field.state')}</dt>
          <dd>
            <DestinationState destination={d} />
            {d.stateReason ? <span className="muted small"> {d.stateReason}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('forwarding.field.target')}</dt>
          <dd>
            <DestinationTarget config={d.config} />
          </dd>
        </div>
        <div>
          <dt>{t('forwarding.field.events')}</dt>
          <dd className="mono">{d.events.join(', ') || '*'}</dd>
        </div>
        <div>
          <dt>{t('forwarding.field.printers')}</dt>
          <dd>{d.printers.length > 0 ? <span className="mono">{d.printers.join(', ')}</span> : t('forwarding.allPrinters')}</dd>
        </div>
        <div>
          <dt>{t('forwarding.field.delivery')}</dt>
          <dd>
            {t('forwarding.deliverySummary', { timeout: f.number(d.timeoutMs / 1000, 1), count: d.maxAttempts })}
            {d.ordered ? ` · ${t('forwarding.field.ordered')}` : ''}
          </dd>
        </div>
      </dl>
      <div className="destination-actions">
        <button type="button" className="btn" onClick={onEdit} data-testid="destination-edit">
          {t('forwarding.edit')}
        </button>
        <button type="button" className="btn btn-primary" onClick={sendTest} disabled={busy !== null} data-testid="destination-test">
          {busy === 'test' ? t('forwarding.test.sending') : t('forwarding.test.send')}
        </button>
        {d.paused || !d.enabled ? (
          <button type="button" className="btn" onClick={resume} disabled={busy !== null} data-testid="destination-resume">
            {d.paused ? t('forwarding.resume') : t('forwarding.enable')}
          </button>
        ) : null}
        <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirmDelete(true)} disabled={busy !== null}>
          <Icon name="trash" size={15} />
          {t('forwarding.delete')}
        </button>
      </div>
      {error ? (
        <p className="error-line" role="alert">
          {error}
        </p>
      ) : null}
      {test ? <TestResult result={test} /> : null}
      <ReplayForm destinationId={d.id} onReplayed={() => setLogSignal((n) => n + 1)} />
      <DeliveryLog destinationId={d.id} refreshSignal={refreshSignal + logSignal} onChanged={onChanged} />
      <Dialog
        open={confirmDelete}
        title={t('forwarding.deleteTitle', { name: d.name })}
        onClose={() => setConfirmDelete(false)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-danger" onClick={remove} disabled={busy === 'delete'}>
              {t('forwarding.delete')}
            </button>
          </>
        }
      >
        <p>{t('forwarding.deleteBody')}</p>
      </Dialog>
    </section>
  );
}
