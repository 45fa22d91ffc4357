// "Forward this event": replays one stored event to a chosen destination, from the event log's
// detail panel. Hidden while no destination exists.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { hrefOfItem } from '../../app/routes.js';

export function ReplayToDestination({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const destinations = useAsync(() => api.listForwardDestinations(), [api]);
  const [chosen, setChosen] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'queued' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const items = destinations.data?.items ?? [];
  if (items.length === 0) return null;
  const target = chosen || items[0]!.id;

  const send = () => {
    setState({ kind: 'busy' });
    api.replayToForwardDestination(target, [eventId]).then(
      (result) => setState(result.deliveries.length > 0 ? { kind: 'queued' } : { kind: 'error', message: t('forwarding.replay.missing', { ids: eventId }) }),
      (err: unknown) => setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  };

  return (
    <div className="replay-event" data-testid="replay-event">
      <label className="field-label" htmlFor={id}>
        {t('forwarding.replay.thisEvent')}
      </label>
      <div className="replay-row">
        <select
          id={id}
          value={target}
          onChange={(e) => {
            setChosen(e.target.value);
            setState({ kind: 'idle' });
          }}
          data-testid="replay-destination"
        >
          {items.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={send} disabled={state.kind === 'busy'} data-testid="replay-send">
          {t('forwarding.replay.send')}
        </button>
      </div>
      <p className="small" aria-live="polite">
        {state.kind === 'queued' ? (
          <>
            {t('forwarding.replay.queuedOne')} <a href={hrefOfItem('forwarding', target)}>{t('forwarding.replay.seeLog')}</a>
          </>
        ) : null}
        {state.kind === 'error' ? <span className="error-line">{state.message}</span> : null}
      </p>
    </div>
  );
}
