// Alert settings, kept current when they change elsewhere (the tray's "Pause alerts", another tab).
import { useCallback, useEffect, useState } from 'react';
import type { AlertSettings, AlertSettingsUpdate } from '../../../../src/shared/alerts.js';
import { useApi } from '../../api/ApiContext.js';
import { usePush } from '../../api/usePush.js';

export function useAlertSettings() {
  const api = useApi();
  const [settings, setSettings] = useState<AlertSettings>();
  const [error, setError] = useState<Error>();

  const reload = useCallback(() => {
    api.alertSettings().then(
      (value) => {
        setSettings(value);
        setError(undefined);
      },
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    );
  }, [api]);
  useEffect(reload, [reload]);

  usePush((push) => {
    if (push.type === 'alerts.settings_changed') setSettings(push.settings);
  });

  const update = useCallback(async (change: AlertSettingsUpdate) => setSettings(await api.updateAlertSettings(change)), [api]);
  const pause = useCallback(async (minutes: number) => setSettings(await api.pauseAlerts(minutes)), [api]);

  return { settings, error, reload, update, pause };
}

/** The pause in force at `now`, if any (a pause that ran out is no pause). */
export function activePause(settings: AlertSettings | undefined, now: number): string | null {
  const until = settings?.pausedUntil;
  return until && Date.parse(until) > now ? until : null;
}
