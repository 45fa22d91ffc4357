// "Replay": sends stored events to this destination again (new delivery ids), whatever its filter
// says. Events are named by id, as the event log shows them (or from its detail panel).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayResult } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';

export const parseEventIds = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().replace(/^#/, '')).filter(Boolean))];

export function ReplayForm({ destinationId, onReplayed }: { destinationId: string; onReplayed: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReplayResult>();
  const [error, setError] = useState<string>();
  const ids = parseEventIds(text);
  const invalid = ids.filter((v) => !/^\d{1,15}$/.test(v));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (ids.length === 0 || invalid.length > 0) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    api.replayToForwardDestination(destinationId, ids).then(
      (value) => {
        setBusy(false);
        setResult(value);
        if (value.deliveries.length > 0) setText('');
        onReplayed();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <form className="replay-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{t('forwarding.replay.label')}</span>
        <span className="replay-row">
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="1042, 1043" aria-describedby={`${id}-hint`} aria-invalid={invalid.length > 0} data-testid="replay-ids" />
          <button type="submit" className="btn" disabled={busy || ids.length === 0 || invalid.length > 0}>
            {t('forwarding.replay.submit')}
          </button>
        </span>
        <span id={`${id}-hint`} className={invalid.length > 0 ? 'error-line small' : 'muted small'}>
          {invalid.length > 0 ? t('forwarding.replay.invalid', { ids: invalid.join(', ') }) : t('forwarding.replay.hint')}
        </span>
      </label>
      <p aria-live="polite" className="small">
        {result ? t('forwarding.replay.queued', { count: result.deliveries.length }) : null}
        {result && result.missingEventIds.length > 0 ? <span className="error-line"> {t('forwarding.replay.missing', { ids: result.missingEventIds.join(', ') })}</span> : null}
        {error ? <span className="error-line">{error}</span> : null}
      </p>
    </form>
  );
}
