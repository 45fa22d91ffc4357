// "Delete events older than N days": the count is asked for first and stated in the confirmation,
// so nobody deletes a month of history by a typo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { Dialog } from '../../components/Dialog.js';
import { Icon } from '../../components/Icon.js';
import { useFormat } from '../../format/useFormat.js';

type Step = { kind: 'idle' } | { kind: 'confirm'; days: number; count: number } | { kind: 'done'; deleted: number };

export function RetentionControl({ onDeleted, onError }: { onDeleted: () => void; onError: (error: Error) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const parsed = Number(days);
  const valid = Number.isInteger(parsed) && parsed >= 0;
  const fail = (error: unknown) => {
    setBusy(false);
    onError(error instanceof Error ? error : new Error(String(error)));
  };

  const ask = () => {
    setBusy(true);
    api.countEventsOlderThan(parsed).then(({ count }) => {
      setBusy(false);
      setStep({ kind: 'confirm', days: parsed, count });
    }, fail);
  };
  const confirm = (confirmDays: number) => {
    setBusy(true);
    api.deleteEventsOlderThan(confirmDays).then(({ deleted }) => {
      setBusy(false);
      setStep({ kind: 'done', deleted });
      onDeleted();
    }, fail);
  };
  const cutoff = step.kind === 'confirm' ? format.dateTime(Date.now() - step.days * 86_400_000) : '';

  return (
    <div className="retention">
      <label className="field field-inline">
        <span className="field-label">{t('retention.olderThan')}</span>
        <input type="number" min={0} step={1} value={days} onChange={(e) => setDays(e.target.value)} className="input-days" data-testid="retention-days" />
        <span className="field-suffix">{t('retention.days', { count: valid ? parsed : 0 })}</span>
      </label>
      <button type="button" className="btn btn-danger-ghost" onClick={ask} disabled={!valid || busy} data-testid="retention-delete">
        <Icon name="trash" size={15} />
        {t('retention.delete')}
      </button>
      {step.kind === 'done' ? (
        <span className="muted" role="status">
          {t('retention.deleted', { count: step.deleted, formatted: format.number(step.deleted) })}
        </span>
      ) : null}
      <Dialog
        open={step.kind === 'confirm'}
        title={t('retention.confirmTitle')}
        onClose={() => setStep({ kind: 'idle' })}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setStep({ kind: 'idle' })}>
              {t('common.cancel')}
            </button>
            {step.kind === 'confirm' && step.count > 0 ? (
              <button type="button" className="btn btn-danger" onClick={() => confirm(step.days)} disabled={busy} data-testid="retention-confirm">
                {t('retention.confirm', { count: step.count, formatted: format.number(step.count) })}
              </button>
            ) : null}
          </>
        }
      >
        {step.kind === 'confirm' ? (
          <p data-testid="retention-count">
            {step.count > 0
              ? t('retention.confirmBody', { count: step.count, formatted: format.number(step.count), date: cutoff })
              : t('retention.nothing', { date: cutoff })}
          </p>
        ) : null}
      </Dialog>
    </div>
  );
}
