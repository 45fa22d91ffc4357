// A Cloudflare quick tunnel FarmHook runs, or an ngrok agent it watches: its state as it changes
// (pushed live), the address it got, and the hints for what stops it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TunnelState, TunnelStatus } from '../../../../src/shared/setup.js';
import { useApi } from '../../api/ApiContext.js';
import { usePush } from '../../api/usePush.js';
import type { Tone } from '../../components/Kpi.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useAction } from './useAction.js';

const TONE: Record<TunnelState, Tone> = {
  stopped: 'neutral',
  starting: 'info',
  url_assigned: 'info',
  connected: 'good',
  verified: 'good',
  degraded: 'warn',
  failed: 'bad',
};

export function TunnelPanel({ provider, port, onStatus }: { provider: 'cloudflare' | 'ngrok'; port: number; onStatus: (status: TunnelStatus) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<TunnelStatus>();
  const show = (next: TunnelStatus) => {
    setStatus(next);
    onStatus(next);
  };
  useEffect(() => {
    let live = true;
    void api.tunnelStatus().then((s) => live && setStatus(s), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  usePush((push) => {
    if (push.type === 'tunnel.changed') show(push.status);
  });
  const start = useAction(async () => show(await api.startTunnel()));
  const stop = useAction(async () => show(await api.stopTunnel()));

  const running = status && status.provider === provider && status.state !== 'stopped' && status.state !== 'failed';
  return (
    <div className="wizard-block tunnel" data-testid="tunnel-panel" data-state={status?.state ?? ''}>
      {provider === 'ngrok' ? (
        <>
          <p className="small">{t('setup.reachability.ngrokRun')}</p>
          <pre className="code">ngrok http {port}</pre>
        </>
      ) : null}
      <div className="wizard-row">
        <span className="field-label">{t('setup.reachability.tunnel')}</span>
        {status ? <StatusBadge tone={status.provider === provider ? TONE[status.state] : 'neutral'}>{t(`setup.reachability.tunnelState.${status.provider === provider ? status.state : 'stopped'}`)}</StatusBadge> : null}
        {status?.provider === provider && status.publicUrl ? <code className="mono">{status.publicUrl}</code> : null}
      </div>
      {status?.provider === provider && status.hints.length > 0 ? (
        <ul className="tunnel-hints">
          {status.hints.map((hint) => (
            <li key={hint.code} className="warning-line" data-hint={hint.code}>
              {t(`setup.reachability.hint.${hint.code}`, { port, defaultValue: hint.message })}
            </li>
          ))}
        </ul>
      ) : null}
      {status?.provider === provider && status.lastError ? <p className="small muted">{status.lastError}</p> : null}
      <div className="wizard-row">
        {running ? (
          <button type="button" className="btn" onClick={() => void stop.run()} disabled={stop.busy}>
            {t('setup.reachability.stopTunnel')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => void start.run()} disabled={start.busy} data-testid="start-tunnel">
            {provider === 'ngrok' ? t('setup.reachability.refreshTunnel') : t('setup.reachability.startTunnel')}
          </button>
        )}
      </div>
      {start.error ? <ErrorNote error={start.error} /> : null}
      {stop.error ? <ErrorNote error={stop.error} /> : null}
    </div>
  );
}
