// "Pause alerts for 1 hour" (notifications only: alerts are still recorded) and its undo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertSettings } from '../../../../src/shared/alerts.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useNow } from '../../components/useNow.js';
import { useFormat } from '../../format/useFormat.js';
import { activePause } from './useAlertSettings.js';

/** "16:40": a pause lasts at most a week, and the hour is what the operator wants to know. */
const clock = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export function PauseControl({ settings, onPause }: { settings: AlertSettings | undefined; onPause: (minutes: number) => Promise<void> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(15_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pausedUntil = activePause(settings, now);

  const run = (minutes: number) => {
    setBusy(true);
    setError(undefined);
    onPause(minutes).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <div className="pause-control" data-testid="alerts-pause" data-paused={pausedUntil ? 'true' : 'false'}>
      {pausedUntil ? (
        <>
          <StatusBadge tone="warn">{t('alerts.pausedUntil', { time: clock(pausedUntil, f.locale) })}</StatusBadge>
          <button type="button" className="btn" onClick={() => run(0)} disabled={busy || !settings}>
            {t('alerts.resume')}
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => run(60)} disabled={busy || !settings} title={t('alerts.pauseHint')}>
          {t('alerts.pauseHour')}
        </button>
      )}
      {error ? (
        <span className="error-line small" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
